"use client";
// The sign-in form: react-hook-form + zod, posting to better-auth's email sign-in endpoint.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email address").email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});
type Values = z.infer<typeof schema>;

export function SignInForm({ next }: { next: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(schema) });
  const { errors, isSubmitting, submitCount } = formState;
  const hasErrors = Object.keys(errors).length > 0 || !!formError;

  useEffect(() => {
    if (hasErrors) summary.current?.focus();
  }, [submitCount, formError, hasErrors]);

  async function onSubmit(values: Values) {
    setFormError(null);
    const res = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(values),
    });
    if (res.ok) {
      window.location.assign(next);
      return;
    }
    setFormError(res.status === 401 ? "The email or password is wrong." : "Signing in failed; try again.");
  }

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Sign in">
      {hasErrors && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <strong>There is a problem</strong>
          <ul>
            {formError && <li>{formError}</li>}
            {errors.email && <li><a href="#email">{errors.email.message}</a></li>}
            {errors.password && <li><a href="#password">{errors.password.message}</a></li>}
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" aria-invalid={!!errors.email} {...register("email")} />
        {errors.email && <p className="field-error">{errors.email.message}</p>}
      </div>
      <div>
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} {...register("password")} />
        {errors.password && <p className="field-error">{errors.password.message}</p>}
      </div>
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? "Signing in…" : "Sign in"}</button>
    </form>
  );
}
