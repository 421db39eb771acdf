"use client";
// "Send this request": a plain POST to the server action (no script needed); back to the board
// when it is queued, the reason here when it is not.
import { useActionState } from "react";
import { ActionForm } from "../../../../../../components/action-form";
import { ErrorSummary } from "../../../../../../components/error-summary";
import { sendRequestAction, type FormState } from "../../actions";

export function ConfirmRequest(p: { slug: string; id: string; code: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(sendRequestAction.bind(null, p.slug), { ok: null });
  const failed = state.ok === false ? state : null;
  return (
    <ActionForm action={action} check={(ok) => async () => ok()} label={`Send the interview request to ${p.code}`}>
      <ErrorSummary items={failed ? [{ message: failed.message }] : []} focusOn={[state]} />
      <input type="hidden" name="id" value={p.id} />
      <button type="submit" disabled={pending}>Send this request</button>
    </ActionForm>
  );
}
