// GET /forgot-password – ask for a password-reset link by email.
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata = { title: "Forgotten password – Panelwave" };

export default function ForgotPasswordPage() {
  return (
    <main>
      <h1>Forgotten your password?</h1>
      <p className="muted">Enter the email you sign in with. If it belongs to a Panelwave account, a reset link valid for one hour is sent to it.</p>
      <ForgotPasswordForm />
    </main>
  );
}
