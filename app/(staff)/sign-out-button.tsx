"use client";

export function SignOutButton() {
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    window.location.assign("/signin");
  }
  return (
    <button type="button" className="secondary" onClick={signOut}>
      Sign out
    </button>
  );
}
