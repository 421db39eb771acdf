"use server";
// Server actions of the API token screen: each checks the signed-in user on the server and calls
// one lib/ function. A token acts as its user, so only the user may create or revoke their own.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { createApiToken, revokeOwnApiToken } from "../../../lib/api/api-token";
import { notFound } from "next/navigation";
import { currentUser, requireUser } from "../../../lib/auth/current-user";
import { getRuntime } from "../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../action-result";
import { orNotFound } from "../staff-page";

export type CreateTokenState = ActionResult<{ token: string; name: string }> | { ok: null };

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  return toActionResult(async () => {
    const rt = await getRuntime();
    const user = await requireUser(rt, await headers());
    const created = await createApiToken(rt.db, user, { name: String(form.get("name") ?? "") }, new Date());
    revalidatePath("/account");
    return { token: created.token, name: created.name };
  });
}

/**
 * Revokes one of the signed-in user's tokens. Another user's token, an unknown id or an ended
 * session all answer the account screen's 404 page (which offers sign-in), never a 500.
 */
export async function revokeTokenAction(form: FormData): Promise<void> {
  const rt = await getRuntime();
  const user = await currentUser(rt, await headers());
  if (!user) notFound();
  await orNotFound(revokeOwnApiToken(rt.db, user, String(form.get("id") ?? ""), new Date()));
  revalidatePath("/account");
}
