"use client";
// The wave page's "open now" and "close now": each asks first (window.confirm), so they need a script.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { closeWaveNowAction, openWaveNowAction } from "../actions";

export function WaveControls(props: { studySlug: string; waveSlug: string; status: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(kind: "open" | "close") {
    const question = kind === "open"
      ? "Open the wave now and send its invitations now?"
      : "Close the wave now? Nobody can answer after this, and waiting invitations and reminders are cancelled.";
    if (!window.confirm(question)) return;
    setBusy(true);
    const res = kind === "open" ? await openWaveNowAction(props.studySlug, props.waveSlug) : await closeWaveNowAction(props.studySlug, props.waveSlug);
    setBusy(false);
    setMessage(res.ok ? (kind === "open" ? "The wave is open; invitations are on their way." : "The wave is closed.") : res.message);
    router.refresh();
  }

  return (
    <div style={{ display: "flex", gap: ".75rem", alignItems: "center", flexWrap: "wrap" }}>
      {props.status === "scheduled" && <button type="button" disabled={busy} onClick={() => run("open")}>Open now</button>}
      {props.status !== "closed" && <button type="button" className="secondary" disabled={busy} onClick={() => run("close")}>Close now</button>}
      <span role="status" aria-live="polite">{message}</span>
    </div>
  );
}
