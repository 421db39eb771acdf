"use server";
// Sets a new password from a reset link: a plain form post; on success, on to sign in.
import { redirect } from "next/navigation";
import { resetWithToken } from "../../lib/auth/password-flows";
import { getRuntime } from "../../lib/runtime";
import { toActionResult } from "../action-result";
import { authRequestHeaders } from "../auth-cookies";
import type { NewPasswordState } from "../components/new-password-form";

export type { NewPasswordState };

export async function resetPasswordAction(_prev: NewPasswordState, form: FormData): Promise<NewPasswordState> {
  const result = await toActionResult(async () => {
    const rt = await getRuntime();
    await resetWithToken(rt.auth, await authRequestHeaders(rt), { token: form.get("token"), password: form.get("password"), confirm: form.get("confirm") });
    return undefined;
  });
  if (result.ok) redirect("/signin?reset=done");
  return result;
}
