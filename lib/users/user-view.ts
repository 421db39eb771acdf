// A user as the API shows them: their state in one word instead of dates and flags.
import type { Db } from "../../db/client";
import { findUserState } from "../../db/queries/users";
import type { StaffUser } from "../auth/current-user";
import { requireAdmin } from "../auth/permissions";
import { NotFound } from "../errors/app-error";

type UserState = { id: string; email: string; name: string; role: string; createdAt: Date; deactivatedAt: Date | null; hasPassword: boolean };

export function userView(u: UserState) {
  return {
    id: u.id, email: u.email, name: u.name, role: u.role === "admin" ? ("admin" as const) : ("researcher" as const),
    status: u.deactivatedAt ? ("deactivated" as const) : u.hasPassword ? ("active" as const) : ("invited" as const),
    createdAt: u.createdAt.toISOString(),
  };
}

/** One user for the API. Admins only; an unknown id is NotFound. */
export async function getUserView(db: Db, admin: StaffUser, userId: string) {
  requireAdmin(admin, "the user list");
  const u = await findUserState(db, userId);
  if (!u) throw new NotFound("User not found");
  return userView(u);
}
