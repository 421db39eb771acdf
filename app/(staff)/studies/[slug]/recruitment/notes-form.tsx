"use client";
// One person's notes on the board: a details element in their row holding a plain POST form (works
// without scripts). Saving replaces the notes; each save is audited (recruitment.note, "replaced").
import { useActionState } from "react";
import { ErrorSummary, issueFor, summaryItems } from "../../../../components/error-summary";
import { saveNotesAction, type FormState } from "./actions";

export function NotesForm(p: { slug: string; id: string; code: string; notes: string | null }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveNotesAction, { ok: null });
  const failed = state.ok === false ? state : null;
  const field = `notes-${p.id}`;
  const error = issueFor(failed, "notes");
  return (
    <details className="notes-edit" open={!!failed}>
      <summary aria-label={`${p.notes ? "Edit notes" : "Add notes"} for ${p.code}`}>{p.notes ? "Edit notes" : "Add notes"}</summary>
      <form action={action} className="stack" aria-label={`Notes for ${p.code}`}>
        <ErrorSummary items={summaryItems(failed, { [field]: error })} focusOn={[state]} />
        <input type="hidden" name="slug" value={p.slug} />
        <input type="hidden" name="id" value={p.id} />
        <div>
          <label htmlFor={field}>Notes for {p.code}</label>
          <textarea id={field} name="notes" rows={4} maxLength={4000} defaultValue={p.notes ?? ""} aria-invalid={!!error} aria-describedby={`${field}-hint${error ? ` ${field}-error` : ""}`} />
          <p id={`${field}-hint`} className="muted">Replaces this person’s notes; empty removes them.</p>
          {error && <p id={`${field}-error`} className="field-error">{error}</p>}
        </div>
        <button type="submit" disabled={pending}>Save notes</button>
      </form>
    </details>
  );
}
