"use client";
// Requests a reset link from better-auth; the answer is the same whether or not the account exists.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

const schema = z.object({ email: z.string().trim().min(1, "Enter your email address").email("Enter a valid email address") });
type Values = z.infer<typeof schema>;

export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const [failed, setFailed] = useState(false);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(schema) });
  const { errors, isSubmitting } = formState;
  async function onSubmit(values: Values) {
    setFailed(false);
    const res = await fetch("/api/auth/request-password-reset", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: values.email, redirectTo: "/reset-password" }),
    });
    if (res.ok) setSent(true);
    else setFailed(true);
  }
  if (sent) return <p role="status">If that address has an account, a reset link is on its way. Check your inbox.</p>;
  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Request a reset link">
      {(errors.email || failed) && (
        <div className="error-summary" role="alert">
          {errors.email ? <a href="#email">{errors.email.message}</a> : "The request failed; try again in a minute."}
        </div>
      )}
      <div>
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" aria-invalid={!!errors.email} {...register("email")} />
        {errors.email && <p className="field-error">{errors.email.message}</p>}
      </div>
      <button type="submit" disabled={isSubmitting}>Send a reset link</button>
    </form>
  );
}
