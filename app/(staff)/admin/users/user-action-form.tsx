"use client";
// One small form of the user screens (change role, add to a study, confirm a deactivation…): a
// plain POST to its server action, the error summary when it fails, a status line when it worked.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary, summaryItems } from "../../../components/error-summary";
import type { UserFormState } from "./actions";

export function UserActionForm(props: {
  action: (prev: UserFormState, form: FormData) => Promise<UserFormState>;
  label: string;
  button: string;
  userId: string;
  secondary?: boolean;
  /** Field ids inside `children`, so the summary links to them. */
  fields?: string[];
  children?: ReactNode;
}) {
  const [state, action, pending] = useActionState<UserFormState, FormData>(props.action, { ok: null });
  const failed = state.ok === false ? state : null;
  const items = summaryItems(failed, Object.fromEntries((props.fields ?? []).map((f) => [f, failed?.issues.find((i) => i.path === f)?.message])));
  return (
    <form action={action} className="stack" aria-label={props.label}>
      <ErrorSummary items={items} focusOn={[state]} />
      {state.ok === true && <p role="status">{state.value}</p>}
      <input type="hidden" name="userId" value={props.userId} />
      {props.children}
      <div>
        <button type="submit" className={props.secondary ? "secondary" : undefined} disabled={pending}>{props.button}</button>
      </div>
    </form>
  );
}
