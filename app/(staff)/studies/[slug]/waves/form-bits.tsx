"use client";
// Pieces shared by the wave forms: a labelled field with its error, and the error summary that
// takes focus after a failed submit (links jump to the fields).
import { useEffect, useRef, type ReactNode } from "react";

export function Field(props: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && <p className="muted" id={`${props.id}-hint`} style={{ margin: "0 0 .25rem" }}>{props.hint}</p>}
      {props.children}
      {props.error && <p className="field-error" id={`${props.id}-error`}>{props.error}</p>}
    </div>
  );
}

export function ErrorSummary(props: { errors: { id: string; message: string }[]; formError: string | null; submitCount: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const has = props.errors.length > 0 || !!props.formError;
  useEffect(() => {
    if (has) ref.current?.focus();
  }, [props.submitCount, props.formError, has]);
  if (!has) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <strong>There is a problem</strong>
      <ul>
        {props.formError && <li>{props.formError}</li>}
        {props.errors.map((e) => (
          <li key={e.id}><a href={`#${e.id}`}>{e.message}</a></li>
        ))}
      </ul>
    </div>
  );
}

/** datetime-local values are the browser's local time; the server gets ISO instants. */
export function localToIso(v: string): string {
  return v ? new Date(v).toISOString() : "";
}

/** An ISO instant as a datetime-local value in the browser's time zone. */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
