"use client";
// The retention form of the settings page (a plain POST to a server action, scripts optional).
import { useActionState } from "react";
import { ActionForm } from "../../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../../components/error-summary";
import { type RetentionFormState, updateRetentionAction } from "./retention-actions";

const noCheck = (ok: () => void) => async () => ok();

export function RetentionForm(props: { slug: string; initial: { endDate: string; contactMonths: string; answersMonths: string } }) {
  const [state, action, pending] = useActionState<RetentionFormState, FormData>(updateRetentionAction, { ok: null });
  const failed = state.ok === false ? state : null;
  const values = state.ok === false ? { ...props.initial, ...state.values } : props.initial;
  const issues = { endDate: issueFor(failed, "endDate"), contactMonths: issueFor(failed, "contactMonths"), answersMonths: issueFor(failed, "answersMonths") };
  const field = (name: keyof typeof issues, label: string, hint: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={`retention-${name}`}>{label}</label>
      <p id={`retention-${name}-hint`} className="muted">{hint}</p>
      {input}
      {issues[name] && <p id={`retention-${name}-error`} className="field-error">{issues[name]}</p>}
    </div>
  );
  const attrs = (name: keyof typeof issues) => ({
    id: `retention-${name}`, name, "aria-invalid": !!issues[name], "aria-describedby": `retention-${name}-hint${issues[name] ? ` retention-${name}-error` : ""}`,
  });
  return (
    <ActionForm action={action} check={noCheck} label="Retention">
      <ErrorSummary items={summaryItems(failed, { "retention-endDate": issues.endDate, "retention-contactMonths": issues.contactMonths, "retention-answersMonths": issues.answersMonths })} focusOn={[state]} />
      <input type="hidden" name="slug" value={props.slug} />
      {field("endDate", "End date of the study", "As in the ethics approval, YYYY-MM-DD. Leave empty for no schedule.", <input {...attrs("endDate")} type="date" defaultValue={values.endDate} />)}
      {field("contactMonths", "Months to keep contact data and mailbox copies after it", "Addresses, unverified addresses, recruitment notes and local copies of sent email are erased then.", <input {...attrs("contactMonths")} inputMode="numeric" defaultValue={values.contactMonths} />)}
      {field("answersMonths", "Months to keep answers after it (optional)", "Only if the approval says answers are deleted; empty keeps them.", <input {...attrs("answersMonths")} inputMode="numeric" defaultValue={values.answersMonths} />)}
      <button type="submit" disabled={pending}>Save the retention</button>
    </ActionForm>
  );
}
