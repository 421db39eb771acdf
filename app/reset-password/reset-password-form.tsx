"use client";
// Sets the new password from a reset link (app/components/new-password-form.tsx); then on to sign in.
import { NewPasswordForm } from "../components/new-password-form";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <NewPasswordForm token={token} action={resetPasswordAction} label="New password" passwordLabel="New password" button="Save the new password"
      badLinkHint={<a href="/forgot-password">Ask for a new link</a>} />
  );
}
