"use client";
// "Copy" next to a link: shown only once the script runs (without it the link is selectable text).
import { useEffect, useState } from "react";

export function CopyButton(props: { text: string; label: string }) {
  const [ready, setReady] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setReady(typeof navigator !== "undefined" && !!navigator.clipboard), []);
  if (!ready) return null;
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      setDone("Copied.");
    } catch {
      setDone("Copying is not allowed here; select the link and copy it.");
    }
  }
  return (
    <>
      <button type="button" className="secondary" onClick={copy} aria-label={props.label}>Copy</button>{" "}
      <span role="status" aria-live="polite">{done}</span>
    </>
  );
}
