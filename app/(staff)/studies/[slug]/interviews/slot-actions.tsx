"use client";
// The forms in a slot's row: record what came of a booked interview (held, with a note, or a
// no-show), or withdraw the slot. Plain POSTs without scripts.
import { useActionState } from "react";
import { ActionForm } from "../../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../../components/error-summary";
import { contactsAction, outcomeAction, withdrawSlotAction, type FormState } from "./actions";

export function OutcomeForm(p: { slug: string; booking: string; code: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(outcomeAction.bind(null, p.slug), { ok: null });
  const failed = state.ok === false ? state : null;
  const note = issueFor(failed, "note");
  const id = `note-${p.booking}`;
  return (
    <ActionForm action={action} check={(ok) => async () => ok()} label={`What came of the interview with ${p.code}`}>
      <ErrorSummary items={summaryItems(failed, { [id]: note })} focusOn={[state]} />
      <input type="hidden" name="booking" value={p.booking} />
      <label htmlFor={id}>Note (added to {p.code}’s notes)</label>
      <textarea id={id} name="note" rows={2} maxLength={1000} />
      <div style={{ display: "flex", gap: ".5rem", flexWrap: "wrap" }}>
        <button type="submit" name="outcome" value="held" disabled={pending}>Held → interviewed</button>
        <button type="submit" name="outcome" value="no_show" className="secondary" disabled={pending}>No-show</button>
      </div>
    </ActionForm>
  );
}

export function WithdrawSlot(p: { slug: string; slot: string; booked: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(withdrawSlotAction.bind(null, p.slug), { ok: null });
  const failed = state.ok === false ? state : null;
  return (
    <ActionForm action={action} check={(ok) => async () => ok()} label="Withdraw this slot">
      <ErrorSummary items={summaryItems(failed, {})} focusOn={[state]} />
      <input type="hidden" name="slot" value={p.slot} />
      <button type="submit" className="secondary" disabled={pending}>{p.booked ? "Withdraw (cancels the booking)" : "Withdraw"}</button>
    </ActionForm>
  );
}

/** Admins: let the study's researchers see booked people's email, or stop it. */
export function ContactsToggle(p: { slug: string; allowed: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(contactsAction.bind(null, p.slug), { ok: null });
  const failed = state.ok === false ? state : null;
  return (
    <ActionForm action={action} check={(ok) => async () => ok()} label="Who sees interviewees' email">
      <ErrorSummary items={summaryItems(failed, {})} focusOn={[state]} />
      <input type="hidden" name="allowed" value={p.allowed ? "no" : "yes"} />
      <button type="submit" className="secondary" disabled={pending}>{p.allowed ? "Show researchers codes only" : "Let researchers see the emails"}</button>
    </ActionForm>
  );
}
