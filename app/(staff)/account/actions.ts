"use server";
// Server actions of the API token screen: each checks the signed-in user on the server and calls
// one lib/ function. A token acts as its user, so only the user may create or revoke their own.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { createApiToken, revokeOwnApiToken } from "../../../lib/api/api-token";
import { requireUser } from "../../../lib/auth/current-user";
import { AppError } from "../../../lib/errors/app-error";
import { getRuntime } from "../../../lib/runtime";

export type CreateTokenState = { token?: string; name?: string; error?: string };

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  try {
    const rt = await getRuntime();
    const user = await requireUser(rt, await headers());
    const created = await createApiToken(rt.db, user, { name: String(form.get("name") ?? "") }, new Date());
    revalidatePath("/account");
    return { token: created.token, name: created.name };
  } catch (e) {
    if (e instanceof AppError) return { error: e.issues[0]?.message ?? e.message };
    throw e;
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const rt = await getRuntime();
  const user = await requireUser(rt, await headers());
  await revokeOwnApiToken(rt.db, user, String(form.get("id") ?? ""), new Date());
  revalidatePath("/account");
}
