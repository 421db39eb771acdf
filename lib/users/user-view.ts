// A user as the admin screens and the API show them: the user page with their studies, and the
// API's view with their state in one word instead of dates and flags.
import type { Db } from "../../db/client";
import { listStudiesForUser } from "../../db/queries/studies";
import { findUserState, listMemberStudies } from "../../db/queries/users";
import type { StaffUser } from "../auth/current-user";
import { requireAdmin } from "../auth/permissions";
import { NotFound } from "../errors/app-error";
import { userIdSchema } from "./user-schemas";

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

/** One user's page: their account, their studies, and the studies they could be added to. */
export async function getUserDetail(db: Db, admin: StaffUser, userId: string) {
  requireAdmin(admin, "the user list");
  const id = userIdSchema.safeParse(userId);
  const user = id.success ? await findUserState(db, id.data) : null;
  if (!user) throw new NotFound("User not found");
  const member = await listMemberStudies(db, user.id);
  const all = await listStudiesForUser(db, admin);
  const joined = new Set(member.map((s) => s.id));
  return { user, studies: member, otherStudies: all.filter((s) => !joined.has(s.id)).map((s) => ({ slug: s.slug, name: s.name })) };
}
