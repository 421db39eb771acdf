"use client";
// The person page's forms: each a plain POST to a server action (works with scripts off), its
// answer shown beside it. The personal link is shown in a read-only field with a copy button.
import { useActionState, useState } from "react";
import { ActionForm } from "../../../../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../../../../components/error-summary";
import { type PersonActionState, eraseAction, resendAction, showLinkAction, withdrawAction } from "./actions";

const noCheck = (ok: () => void) => async () => ok();

function Hidden({ slug, code, wave }: { slug: string; code: string; wave?: string }) {
  return (
    <>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="code" value={code} />
      {wave && <input type="hidden" name="wave" value={wave} />}
    </>
  );
}

/** The "type the code to confirm" field of a form that cannot be undone (posted as `confirm`). */
function ConfirmCode({ id, code, issue }: { id: string; code: string; issue: string | undefined }) {
  return (
    <div>
      <label htmlFor={id}>Type the code {code} to confirm</label>
      <input id={id} name="confirm" autoComplete="off" spellCheck={false} aria-invalid={!!issue} aria-describedby={issue ? `${id}-error` : undefined} />
      {issue && <p id={`${id}-error`} className="field-error">{issue}</p>}
    </div>
  );
}

function Failure({ state }: { state: PersonActionState }) {
  return state.ok === false ? <p className="field-error" role="alert">{state.message}</p> : null;
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}>
      {copied ? "Copied" : "Copy the link"}
    </button>
  );
}

export function LinkForm(props: { slug: string; code: string; wave: string; waveName: string }) {
  const [state, action, pending] = useActionState<PersonActionState, FormData>(showLinkAction, { ok: null });
  const id = `link-${props.wave}`;
  return (
    <ActionForm action={action} check={noCheck} label={`Show the personal link to ${props.waveName}`}>
      <Hidden {...props} />
      {state.ok === true ? (
        <div>
          <label htmlFor={id}>Personal link to {props.waveName}</label>
          <input id={id} readOnly value={state.value} onFocus={(e) => e.currentTarget.select()} />
          <p className="muted" style={{ margin: ".25rem 0" }}>The same link as in the invitation; earlier copies keep working. Whoever holds it answers as this person.</p>
          <CopyButton text={state.value} />
        </div>
      ) : (
        <button type="submit" className="secondary" disabled={pending}>Show the personal link</button>
      )}
      <Failure state={state} />
    </ActionForm>
  );
}

export function ResendForm(props: { slug: string; code: string; wave: string; waveName: string }) {
  const [state, action, pending] = useActionState<PersonActionState, FormData>(resendAction, { ok: null });
  return (
    <ActionForm action={action} check={noCheck} label={`Resend the invitation to ${props.waveName}`}>
      <Hidden {...props} />
      <button type="submit" className="secondary" disabled={pending}>Resend the invitation</button>
      {state.ok === true && <p role="status">{state.value}</p>}
      <Failure state={state} />
    </ActionForm>
  );
}

export function WithdrawForm(props: { slug: string; code: string }) {
  const [state, action, pending] = useActionState<PersonActionState, FormData>(withdrawAction, { ok: null });
  const failed = state.ok === false ? state : null;
  const confirm = issueFor(failed, "confirm");
  if (state.ok === true) return <p role="status">{state.value}</p>;
  return (
    <ActionForm action={action} check={noCheck} label="Withdraw this person">
      <ErrorSummary items={summaryItems(failed, { confirm })} focusOn={[state]} />
      <Hidden slug={props.slug} code={props.code} />
      <ConfirmCode id="confirm" code={props.code} issue={confirm} />
      <button type="submit" disabled={pending}>Withdraw {props.code}</button>
    </ActionForm>
  );
}

/** Erasure on request: which kind, and the code typed to confirm (a plain POST without scripts). */
export function EraseForm(props: { slug: string; code: string }) {
  const [state, action, pending] = useActionState<PersonActionState, FormData>(eraseAction, { ok: null });
  const failed = state.ok === false ? state : null;
  const confirm = issueFor(failed, "erase-confirm") ?? issueFor(failed, "confirm");
  const kind = issueFor(failed, "kind");
  if (state.ok === true) return <p role="status">{state.value}</p>;
  return (
    <ActionForm action={action} check={noCheck} label="Erase this person's data">
      <ErrorSummary items={summaryItems(failed, { "erase-kind-contact": kind, "erase-confirm": confirm })} focusOn={[state]} />
      <Hidden slug={props.slug} code={props.code} />
      <fieldset aria-describedby={kind ? "erase-kind-error" : undefined}>
        <legend>What to erase</legend>
        {kind && <p id="erase-kind-error" className="field-error">{kind}</p>}
        <label className="choice"><input type="radio" id="erase-kind-contact" name="kind" value="contact" /> <span>Stop all contact and delete contact data <span className="muted">(address, mailbox copies, outbox, recruitment entry and notes; pseudonymous answers stay)</span></span></label>
        <label className="choice"><input type="radio" id="erase-kind-everything" name="kind" value="everything" /> <span>Delete everything <span className="muted">(also answers, consents, invitations; the code disappears from the audit log)</span></span></label>
      </fieldset>
      <ConfirmCode id="erase-confirm" code={props.code} issue={confirm} />
      <button type="submit" disabled={pending}>Erase {props.code}</button>
    </ActionForm>
  );
}
