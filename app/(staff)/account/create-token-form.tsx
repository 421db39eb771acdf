"use client";
// Creates a token and shows it once, with a copy button; it cannot be shown again.
import { useActionState, useEffect, useRef } from "react";
import { createTokenAction, type CreateTokenState } from "./actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  const shown = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.token) shown.current?.focus();
  }, [state.token]);
  return (
    <>
      {state.token && (
        <div className="card" ref={shown} tabIndex={-1} role="status" aria-live="polite">
          <p><strong>Your new token “{state.name}”.</strong> Copy it now: it is shown only this once and only its hash is kept.</p>
          <pre><code id="new-token">{state.token}</code></pre>
          <button type="button" className="secondary" onClick={() => navigator.clipboard?.writeText(state.token!)}>Copy token</button>
        </div>
      )}
      <form action={action} className="stack" noValidate>
        <div>
          <label htmlFor="token-name">Token name</label>
          <input id="token-name" name="name" required maxLength={100} placeholder="e.g. nightly R export" aria-describedby={state.error ? "token-name-error" : undefined} aria-invalid={state.error ? true : undefined} />
          {state.error && <p id="token-name-error" className="field-error">{state.error}</p>}
        </div>
        <div>
          <button type="submit" disabled={pending}>{pending ? "Creating…" : "Create token"}</button>
        </div>
      </form>
    </>
  );
}
