import type { Db } from "../../db/client";
import { listAllUsers } from "../../db/queries/users";
import type { StaffUser } from "./current-user";
import { requireAdmin } from "./permissions";

/** Every researcher and admin. Admins only (Forbidden otherwise). */
export async function listUsers(db: Db, user: StaffUser) {
  requireAdmin(user, "the user list");
  return listAllUsers(db);
}
