"use client";
// "Send myself a test": queues the previewed template to the signed-in user's own address.
import { useState } from "react";
import { sendTestEmailAction } from "../actions";

export function TestSend(props: { studySlug: string; template: string; language: string; email: string }) {
  // One id per intended message, so a double click queues one.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send() {
    setBusy(true);
    const res = await sendTestEmailAction(props.studySlug, props.template, props.language, requestId);
    setBusy(false);
    if (res.ok) {
      setStatus(`Queued to ${props.email}.`);
      setRequestId(crypto.randomUUID());
    } else setStatus(res.message);
  }
  return (
    <p>
      <button type="button" className="secondary" onClick={send} disabled={busy}>Send myself a test</button>{" "}
      <span role="status" aria-live="polite">{status}</span>
    </p>
  );
}
