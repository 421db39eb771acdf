"use server";
// Sign-in and sign-out as server actions: plain form posts that work before (or without) any
// script, so a password only ever travels in a POST body.
import { redirect } from "next/navigation";
import { signInWithPassword, signOut } from "../../lib/auth/password-flows";
import { getRuntime } from "../../lib/runtime";
import { toActionResult, type ActionResult } from "../action-result";
import { applyAuthCookies, authRequestHeaders } from "../auth-cookies";

export type SignInState = (ActionResult<string> | { ok: null }) & { email?: string };

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const result = await toActionResult(async () => {
    const rt = await getRuntime();
    const r = await signInWithPassword(rt.auth, await authRequestHeaders(rt), { email, password: form.get("password"), next: form.get("next") });
    await applyAuthCookies(r.setCookie);
    return r.next;
  });
  if (result.ok) redirect(result.value);
  return { ...result, email: email.slice(0, 320) };
}

export async function signOutAction(): Promise<void> {
  const rt = await getRuntime();
  const r = await signOut(rt.auth, await authRequestHeaders(rt));
  await applyAuthCookies(r.setCookie);
  redirect("/signin");
}
