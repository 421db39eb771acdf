// GET /set-password?token=… – an invited researcher or admin chooses their first password.
import { SetPasswordForm } from "./set-password-form";

export const metadata = { title: "Choose your password – Panelwave" };

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const usable = typeof token === "string" && /^[A-Za-z0-9_-]{20,64}$/.test(token);
  return (
    <main>
      <h1>Set your password</h1>
      {usable ? (
        <>
          <p className="muted">Welcome to Panelwave. Choose a password of at least 10 characters; you are signed in once it is saved.</p>
          <SetPasswordForm token={token!} />
        </>
      ) : (
        <p role="alert">This invitation link is invalid, used or expired. Ask an admin for a new one.</p>
      )}
    </main>
  );
}
