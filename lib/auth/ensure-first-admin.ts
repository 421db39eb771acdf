import type { Db } from "../../db/client";
import { countUsersByRole } from "../../db/queries/users";
import { createUser } from "./create-user";

/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when there is no admin yet.
 * Idempotent: does nothing once any admin exists. Returns the email it created, if any.
 */
export async function ensureFirstAdmin(db: Db, env: Record<string, string | undefined>): Promise<string | null> {
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return null;
  if ((await countUsersByRole(db, "admin")) > 0) return null;
  await createUser(db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, name: "Admin", role: "admin" });
  return env.ADMIN_EMAIL.trim().toLowerCase();
}
