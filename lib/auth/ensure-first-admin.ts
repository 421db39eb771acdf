import type { Db } from "../../db/client";
import { countUsersByRole } from "../../db/queries/users";
import type { Config } from "../config/load-config";
import { createUser } from "./create-user";

/**
 * Creates the first admin (config.firstAdmin: ADMIN_EMAIL / ADMIN_PASSWORD) when there is no
 * admin yet. Idempotent: does nothing once any admin exists. Returns the email it created, if any.
 */
export async function ensureFirstAdmin(db: Db, admin: Config["firstAdmin"]): Promise<string | null> {
  if (!admin) return null;
  if ((await countUsersByRole(db, "admin")) > 0) return null;
  await createUser(db, { email: admin.email, password: admin.password, name: "Admin", role: "admin" });
  return admin.email.trim().toLowerCase();
}
