"use client";
// Pieces shared by the wave forms: a labelled field with its error, and the error summary that
// takes focus after a failed submit (links jump to the fields).
import type { ReactNode } from "react";
import { ErrorSummary as SharedErrorSummary } from "../../../../components/error-summary";

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

/** The shared summary (app/components/error-summary.tsx) fed from a wave form's errors. */
export function ErrorSummary(props: { errors: { id: string; message: string }[]; formError: string | null; submitCount: number }) {
  const items = [...(props.formError ? [{ message: props.formError }] : []), ...props.errors.map((e) => ({ field: e.id, message: e.message }))];
  return <SharedErrorSummary items={items} focusOn={[props.submitCount, props.formError]} />;
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
