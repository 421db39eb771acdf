"use client";
// The sign-in form: a plain POST to a server action (works before the script loads, or with
// scripts off), checked in the browser by react-hook-form + the same zod schema when it can.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signInSchema } from "../../lib/auth/password-flows";
import { ActionForm } from "../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../components/error-summary";
import { signInAction, type SignInState } from "./actions";

type Values = z.infer<typeof signInSchema>;

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { ok: null });
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(signInSchema), defaultValues: { email: state.email ?? "" } });
  const { errors, submitCount } = formState;
  const failed = state.ok === false ? state : null;
  const email = errors.email?.message ?? issueFor(failed, "email");
  const password = errors.password?.message ?? issueFor(failed, "password");

  return (
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label="Sign in">
      <ErrorSummary items={summaryItems(failed, { email, password })} focusOn={[submitCount, state]} />
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" defaultValue={state.email} aria-invalid={!!email} aria-describedby={email ? "email-error" : undefined} {...register("email")} />
        {email && <p id="email-error" className="field-error">{email}</p>}
      </div>
      <div>
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" aria-invalid={!!password} aria-describedby={password ? "password-error" : undefined} {...register("password")} />
        {password && <p id="password-error" className="field-error">{password}</p>}
      </div>
      <button type="submit" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</button>
    </ActionForm>
  );
}
