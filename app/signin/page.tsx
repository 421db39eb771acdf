// GET /signin – researcher and admin sign-in.
import { isLocalPath } from "../../lib/auth/local-path";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in – Panelwave" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; reset?: string; invited?: string }> }) {
  const { next, reset, invited } = await searchParams;
  const safeNext = next && isLocalPath(next) ? next : "/studies";
  return (
    <main>
      <h1>Sign in to Panelwave</h1>
      <p className="muted">For researchers and admins. Respondents answer through their personal link.</p>
      {reset === "done" && <p role="status">Your new password is saved, and every earlier session has ended. Sign in with it.</p>}
      {invited === "done" && <p role="status">Your password is saved. Sign in with it.</p>}
      <SignInForm next={safeNext} />
      <p><a href="/forgot-password">Forgotten your password?</a></p>
    </main>
  );
}
