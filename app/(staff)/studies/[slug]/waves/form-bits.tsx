// Pieces shared by the wave forms: a labelled field with its hint and error (described by both),
// and the hidden fields that name the study and wave a plain form POST is about.
import type { ReactNode } from "react";

export function Field(props: { id: string; label: ReactNode; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && <p className="muted" id={`${props.id}-hint`} style={{ margin: "0 0 .25rem" }}>{props.hint}</p>}
      {props.children}
      {props.error && <p className="field-error" id={`${props.id}-error`}>{props.error}</p>}
    </div>
  );
}

/** An input's accessibility attributes: invalid, described by its hint and its error. */
export function fieldAria(id: string, error: string | undefined, hint = false) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": !!error, "aria-describedby": describedBy || undefined };
}

/** The study and wave of a form, for its server action. */
export function Target(props: { studySlug: string; waveSlug?: string }) {
  return (
    <>
      <input type="hidden" name="studySlug" value={props.studySlug} />
      {props.waveSlug && <input type="hidden" name="waveSlug" value={props.waveSlug} />}
    </>
  );
}

/** "Opens (Europe/Oslo time)", "Closes (Europe/Oslo time, optional)": every time field names the zone its time is in. */
export function zoned(label: string, timeZone: string, optional = false): string {
  return `${label} (${timeZone} time${optional ? ", optional" : ""})`;
}
