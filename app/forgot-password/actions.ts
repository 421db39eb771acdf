"use server";
// Asks for a reset link: a plain form post; the answer is the same whether or not the account exists.
import { requestResetLink } from "../../lib/auth/password-flows";
import { getRuntime } from "../../lib/runtime";
import { toActionResult, type ActionResult } from "../action-result";
import { authRequestHeaders } from "../auth-cookies";

export type ResetRequestState = (ActionResult | { ok: null }) & { email?: string };

export async function requestResetAction(_prev: ResetRequestState, form: FormData): Promise<ResetRequestState> {
  const email = String(form.get("email") ?? "");
  const result = await toActionResult(async () => {
    const rt = await getRuntime();
    await requestResetLink(rt.auth, await authRequestHeaders(rt), { email });
    return undefined;
  });
  return { ...result, email: email.slice(0, 320) };
}
