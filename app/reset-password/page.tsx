// GET /reset-password?token=… – choose a new password from a reset link.
import { ResetPasswordForm } from "./reset-password-form";

export const metadata = { title: "New password – Panelwave" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; error?: string }> }) {
  const { token, error } = await searchParams;
  const usable = typeof token === "string" && /^[A-Za-z0-9_-]{8,200}$/.test(token) && !error;
  return (
    <main>
      <h1>Choose a new password</h1>
      {usable ? <ResetPasswordForm token={token!} /> : (
        <p role="alert">This reset link is invalid or has expired. <a href="/forgot-password">Ask for a new one</a>.</p>
      )}
    </main>
  );
}
