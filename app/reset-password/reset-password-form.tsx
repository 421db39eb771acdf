"use client";
// Sets the new password: a plain POST to a server action (works with scripts off), checked in the
// browser first when it can; then on to sign in.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { newPasswordSchema } from "../../lib/auth/password-flows";
import { ActionForm } from "../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../components/error-summary";
import { resetPasswordAction, type NewPasswordState } from "./actions";

type Values = z.infer<typeof newPasswordSchema>;

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<NewPasswordState, FormData>(resetPasswordAction, { ok: null });
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(newPasswordSchema) });
  const failed = state.ok === false ? state : null;
  const password = formState.errors.password?.message ?? issueFor(failed, "password");
  const confirm = formState.errors.confirm?.message ?? issueFor(failed, "confirm");
  return (
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label="New password">
      <ErrorSummary items={summaryItems(failed, { password, confirm })} focusOn={[formState.submitCount, state]} />
      {failed && !password && !confirm && <p><a href="/forgot-password">Ask for a new link</a>.</p>}
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="password">New password</label>
        <input id="password" type="password" autoComplete="new-password" aria-invalid={!!password} aria-describedby={password ? "password-error" : undefined} {...register("password")} />
        {password && <p id="password-error" className="field-error">{password}</p>}
      </div>
      <div>
        <label htmlFor="confirm">Repeat it</label>
        <input id="confirm" type="password" autoComplete="new-password" aria-invalid={!!confirm} aria-describedby={confirm ? "confirm-error" : undefined} {...register("confirm")} />
        {confirm && <p id="confirm-error" className="field-error">{confirm}</p>}
      </div>
      <button type="submit" disabled={pending}>Save the new password</button>
    </ActionForm>
  );
}
