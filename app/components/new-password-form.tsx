"use client";
// Choosing a password from an emailed link (a reset link, or an invitation): a plain POST to the
// given server action (works with scripts off), checked in the browser first when it can.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { newPasswordSchema } from "../../lib/auth/password-flows";
import type { ActionResult } from "../action-result";
import { ActionForm } from "./action-form";
import { ErrorSummary, issueFor, summaryItems } from "./error-summary";

type Values = z.infer<typeof newPasswordSchema>;
export type NewPasswordState = ActionResult | { ok: null };

export function NewPasswordForm(props: {
  token: string;
  action: (prev: NewPasswordState, form: FormData) => Promise<NewPasswordState>;
  label: string;
  passwordLabel: string;
  button: string;
  /** Shown under a failure that is not about a field (a used or expired link). */
  badLinkHint: ReactNode;
}) {
  const [state, action, pending] = useActionState<NewPasswordState, FormData>(props.action, { ok: null });
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(newPasswordSchema) });
  const failed = state.ok === false ? state : null;
  const password = formState.errors.password?.message ?? issueFor(failed, "password");
  const confirm = formState.errors.confirm?.message ?? issueFor(failed, "confirm");
  return (
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label={props.label}>
      <ErrorSummary items={summaryItems(failed, { password, confirm })} focusOn={[formState.submitCount, state]} />
      {failed && !password && !confirm && <p>{props.badLinkHint}</p>}
      <input type="hidden" name="token" value={props.token} />
      <div>
        <label htmlFor="password">{props.passwordLabel}</label>
        <input id="password" type="password" autoComplete="new-password" aria-invalid={!!password} aria-describedby={password ? "password-error" : undefined} {...register("password")} />
        {password && <p id="password-error" className="field-error">{password}</p>}
      </div>
      <div>
        <label htmlFor="confirm">Repeat it</label>
        <input id="confirm" type="password" autoComplete="new-password" aria-invalid={!!confirm} aria-describedby={confirm ? "confirm-error" : undefined} {...register("confirm")} />
        {confirm && <p id="confirm-error" className="field-error">{confirm}</p>}
      </div>
      <button type="submit" disabled={pending}>{props.button}</button>
    </ActionForm>
  );
}
