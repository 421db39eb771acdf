"use client";
// Sets the new password through better-auth's reset endpoint, then sends the user to sign in.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

const schema = z
  .object({
    password: z.string().min(10, "The password needs at least 10 characters"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });
type Values = z.infer<typeof schema>;

export function ResetPasswordForm({ token }: { token: string }) {
  const [failed, setFailed] = useState(false);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(schema) });
  const { errors, isSubmitting } = formState;
  async function onSubmit(values: Values) {
    const res = await fetch("/api/auth/reset-password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ newPassword: values.password, token }),
    });
    if (res.ok) window.location.assign("/signin");
    else setFailed(true);
  }
  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="New password">
      {(failed || errors.password || errors.confirm) && (
        <div className="error-summary" role="alert">
          <ul>
            {failed && <li>This reset link is invalid or has expired. <a href="/forgot-password">Ask for a new one</a>.</li>}
            {errors.password && <li><a href="#password">{errors.password.message}</a></li>}
            {errors.confirm && <li><a href="#confirm">{errors.confirm.message}</a></li>}
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="password">New password</label>
        <input id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...register("password")} />
        {errors.password && <p className="field-error">{errors.password.message}</p>}
      </div>
      <div>
        <label htmlFor="confirm">Repeat it</label>
        <input id="confirm" type="password" autoComplete="new-password" aria-invalid={!!errors.confirm} {...register("confirm")} />
        {errors.confirm && <p className="field-error">{errors.confirm.message}</p>}
      </div>
      <button type="submit" disabled={isSubmitting}>Save the new password</button>
    </form>
  );
}
