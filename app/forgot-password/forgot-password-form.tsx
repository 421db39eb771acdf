"use client";
// Requests a reset link: a plain POST to a server action (works with scripts off), checked in the
// browser first when it can. The answer is the same whether or not the account exists.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { resetRequestSchema } from "../../lib/auth/password-flows";
import { ActionForm } from "../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../components/error-summary";
import { requestResetAction, type ResetRequestState } from "./actions";

type Values = z.infer<typeof resetRequestSchema>;

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ResetRequestState, FormData>(requestResetAction, { ok: null });
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(resetRequestSchema), defaultValues: { email: state.email ?? "" } });
  const failed = state.ok === false ? state : null;
  const email = formState.errors.email?.message ?? issueFor(failed, "email");
  if (state.ok === true) return <p role="status">If that address has an account, a reset link is on its way. Check your inbox.</p>;
  return (
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label="Request a reset link">
      <ErrorSummary items={summaryItems(failed, { email })} focusOn={[formState.submitCount, state]} />
      <div>
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" defaultValue={state.email} aria-invalid={!!email} aria-describedby={email ? "email-error" : undefined} {...register("email")} />
        {email && <p id="email-error" className="field-error">{email}</p>}
      </div>
      <button type="submit" disabled={pending}>Send a reset link</button>
    </ActionForm>
  );
}
