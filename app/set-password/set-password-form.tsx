"use client";
// Sets an invited person's first password (app/components/new-password-form.tsx); then they are signed in.
import { NewPasswordForm } from "../components/new-password-form";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  return (
    <NewPasswordForm token={token} action={setPasswordAction} label="Set your password" passwordLabel="Password (at least 10 characters)"
      button="Save my password and sign in" badLinkHint="Ask the admin who invited you for a new link." />
  );
}
