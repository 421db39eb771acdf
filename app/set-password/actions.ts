"use server";
// Sets an invited person's first password (the link is used up), then signs them in; if signing
// in fails (a lock-out), on to the sign-in page instead.
import { redirect } from "next/navigation";
import { signInWithPassword } from "../../lib/auth/password-flows";
import { getRuntime } from "../../lib/runtime";
import { acceptInvitation } from "../../lib/users/invite-user";
import { toActionResult } from "../action-result";
import { applyAuthCookies, authRequestHeaders } from "../auth-cookies";
import type { NewPasswordState as SetPasswordState } from "../components/new-password-form";

export async function setPasswordAction(_prev: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  const password = form.get("password");
  const result = await toActionResult(async () => {
    const rt = await getRuntime();
    const { email } = await acceptInvitation(rt.db, { token: form.get("token"), password, confirm: form.get("confirm") }, new Date());
    const rtHeaders = await authRequestHeaders(rt);
    return signInWithPassword(rt.auth, rtHeaders, { email, password, next: "/studies" }).catch(() => null);
  });
  if (!result.ok) return result;
  if (!result.value) redirect("/signin?invited=done");
  await applyAuthCookies(result.value.setCookie);
  redirect(result.value.next);
}
