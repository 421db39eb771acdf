"use client";
// Creates a token and shows it once, with a copy button; it cannot be shown again. A plain POST
// to the server action (works with scripts off); a refused name puts focus on the error summary.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary, issueFor, type SummaryItem } from "../../components/error-summary";
import { createTokenAction, type CreateTokenState } from "./actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, { ok: null });
  const shown = useRef<HTMLDivElement>(null);
  const created = state.ok === true ? state.value : null;
  const failed = state.ok === false ? state : null;
  const error = failed ? (issueFor(failed, "name") ?? failed.issues[0]?.message) : undefined;
  const items: SummaryItem[] = error ? [{ field: "token-name", message: error }] : failed ? [{ message: failed.message }] : [];
  useEffect(() => {
    if (created) shown.current?.focus();
  }, [created]);
  return (
    <>
      {created && (
        <div className="card" ref={shown} tabIndex={-1} role="status" aria-live="polite">
          <p><strong>Your new token “{created.name}”.</strong> Copy it now: it is shown only this once and only its hash is kept.</p>
          <pre><code id="new-token">{created.token}</code></pre>
          <button type="button" className="secondary" onClick={() => navigator.clipboard?.writeText(created.token)}>Copy token</button>
        </div>
      )}
      <form action={action} className="stack" noValidate aria-label="Create a token">
        <ErrorSummary items={items} focusOn={[state]} />
        <div>
          <label htmlFor="token-name">Token name</label>
          <input id="token-name" name="name" required maxLength={100} placeholder="e.g. nightly R export" aria-describedby={error ? "token-name-error" : undefined} aria-invalid={error ? true : undefined} />
          {error && <p id="token-name-error" className="field-error">{error}</p>}
        </div>
        <div>
          <button type="submit" disabled={pending}>{pending ? "Creating…" : "Create token"}</button>
        </div>
      </form>
    </>
  );
}
