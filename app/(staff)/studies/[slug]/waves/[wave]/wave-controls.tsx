"use client";
// The wave page's "open now" and "close now": each a details element that asks first and holds a
// plain POST form, so both work without scripts; the wave page then says what was done.
import { useActionState } from "react";
import { ErrorSummary, summaryItems } from "../../../../../components/error-summary";
import { closeWaveNowAction, openWaveNowAction, type WaveFormState } from "../actions";
import { Target } from "../form-bits";

type Props = { studySlug: string; waveSlug: string };

function Confirm(props: Props & { kind: "open" | "close" }) {
  const [state, action, pending] = useActionState<WaveFormState, FormData>(props.kind === "open" ? openWaveNowAction : closeWaveNowAction, { ok: null });
  const failed = state.ok === false ? state : null;
  const open = props.kind === "open";
  return (
    <details className="confirm" open={!!failed}>
      <summary className={`button${open ? "" : " secondary"}`}>{open ? "Open now…" : "Close now…"}</summary>
      <form action={action} aria-label={open ? "Open the wave now" : "Close the wave now"}>
        <ErrorSummary items={summaryItems(failed, {})} focusOn={[state]} />
        <Target studySlug={props.studySlug} waveSlug={props.waveSlug} />
        <p>
          {open
            ? "The wave opens now and its invitations are sent now."
            : "Nobody can answer after this, and waiting invitations and reminders are cancelled."}
        </p>
        <button type="submit" className={open ? undefined : "secondary"} disabled={pending}>{open ? "Open now" : "Close now"}</button>
      </form>
    </details>
  );
}

export function WaveControls(props: Props & { status: string }) {
  return (
    <>
      {props.status === "scheduled" && <Confirm {...props} kind="open" />}
      {props.status !== "closed" && <Confirm {...props} kind="close" />}
    </>
  );
}
