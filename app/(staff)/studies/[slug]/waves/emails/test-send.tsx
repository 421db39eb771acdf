"use client";
// "Send myself a test": a plain POST that queues the previewed template to the signed-in user's
// own address and then shows that message on its own page. The request id (drawn by the page)
// makes a double click queue one message.
import { useActionState } from "react";
import { ErrorSummary, summaryItems } from "../../../../../components/error-summary";
import { sendTestEmailAction, type WaveFormState } from "../actions";
import { Target } from "../form-bits";

export function TestSend(props: { studySlug: string; template: string; language: string; email: string; requestId: string }) {
  const [state, action, pending] = useActionState<WaveFormState, FormData>(sendTestEmailAction, { ok: null });
  const failed = state.ok === false ? state : null;
  return (
    <form action={action} aria-label="Send myself a test">
      <ErrorSummary items={summaryItems(failed, {})} focusOn={[state]} />
      <Target studySlug={props.studySlug} />
      <input type="hidden" name="template" value={props.template} />
      <input type="hidden" name="language" value={props.language} />
      <input type="hidden" name="requestId" value={props.requestId} />
      <p>
        <button type="submit" className="secondary" disabled={pending}>Send myself a test</button>{" "}
        <span className="muted">to {props.email}; you then see the message as it is sent.</span>
      </p>
    </form>
  );
}
