"use client";
// The board's one action for the people ticked in its rows (their checkboxes belong to this form
// through form="bulk-steps"): a step, its day, a note. A plain POST without scripts; all or nothing.
import { useActionState } from "react";
import { ActionForm } from "../../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../../components/error-summary";
import { recordStepsAction, type FormState } from "./actions";

const STEPS = [["agreed", "Agreed"], ["interviewed", "Interviewed"], ["declined", "Declined"], ["no_answer", "No answer"]] as const;

export function BulkSteps(p: { slug: string; today: string; timeZone: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(recordStepsAction.bind(null, p.slug), { ok: null });
  const failed = state.ok === false ? state : null;
  // Refusals of particular people (path "entries") are listed in the summary, by code.
  const people = failed?.issues.filter((i) => i.path === "entries").map((i) => ({ message: i.message })) ?? [];
  const fields = { to: issueFor(failed, "to"), at: issueFor(failed, "at"), note: issueFor(failed, "note") };
  const items = [...summaryItems(failed, fields), ...people];
  return (
    <ActionForm action={action} check={(ok) => async () => ok()} label="Record a step for the selected people" id="bulk-steps">
      <ErrorSummary items={items} focusOn={[state]} />
      <div>
        <label htmlFor="to">Step to record</label>
        <select id="to" name="to" defaultValue="" aria-invalid={!!fields.to} aria-describedby={fields.to ? "to-error" : undefined}>
          <option value="">No change (note only)</option>
          {STEPS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
        {fields.to && <p id="to-error" className="field-error">{fields.to}</p>}
      </div>
      <div>
        <label htmlFor="at">Date of the step</label>
        <input id="at" name="at" type="date" max={p.today} aria-describedby={`at-hint${fields.at ? " at-error" : ""}`} aria-invalid={!!fields.at} />
        <p id="at-hint" className="muted">Today ({p.today}) or earlier, in {p.timeZone}; empty means today.</p>
        {fields.at && <p id="at-error" className="field-error">{fields.at}</p>}
      </div>
      <div>
        <label htmlFor="note">Note (added to each selected person’s notes)</label>
        <textarea id="note" name="note" rows={2} maxLength={1000} aria-invalid={!!fields.note} aria-describedby={fields.note ? "note-error" : undefined} />
        {fields.note && <p id="note-error" className="field-error">{fields.note}</p>}
      </div>
      <button type="submit" disabled={pending}>Apply to selected</button>
    </ActionForm>
  );
}
