// Changing a user's role and deactivating (or reactivating) an account. Each runs in one
// transaction that locks the active admins' rows first, so the rules hold under concurrency:
// an admin cannot demote or deactivate themselves, and the last active admin stays one.
import type { Db } from "../../db/client";
import { deleteUserLinkTokens, deleteUserSessions, findUserState, lockActiveAdmins, revokeUserApiTokens, setUserDeactivated, setUserRole } from "../../db/queries/users";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { requireAdmin } from "../auth/permissions";
import { Conflict, InvalidInput, NotFound } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { roleSchema, userIdSchema, type Role } from "./user-schemas";

const LAST_ADMIN = "This is the last active admin: make someone else an admin first.";

async function target(tx: Db, userId: string) {
  const id = userIdSchema.safeParse(userId);
  const user = id.success ? await findUserState(tx, id.data) : null;
  if (!user) throw new NotFound("User not found");
  return user;
}

/** Makes the user an admin or a researcher. Admins only; never oneself, never the last admin. */
export async function changeRole(db: Db, admin: StaffUser, userId: string, input: { role: unknown }, now: Date): Promise<{ changed: boolean }> {
  requireAdmin(admin, "user management");
  const { role } = parseInput(roleSchema, input);
  return transaction(db, async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await target(tx, userId);
    if (user.role === role) return { changed: false };
    if (user.id === admin.id) throw new InvalidInput("You cannot change your own role; ask another admin.", [{ path: "role", message: "You cannot change your own role" }]);
    if (role !== "admin" && admins.includes(user.id) && admins.length <= 1) throw new Conflict(LAST_ADMIN);
    await setUserRole(tx, user.id, role as Role, now);
    await recordAudit(tx, admin, { studyId: null, action: "user.role_changed", target: user.email, filter: {}, rowCount: null, outcome: { from: user.role, to: role } }, now);
    return { changed: true };
  });
}

/**
 * Deactivates an account: it can no longer sign in (lib/auth/create-auth.ts refuses the
 * session), every session ends, every API token is revoked and pending links die. Admins only;
 * never oneself, never the last admin.
 */
export async function deactivateUser(db: Db, admin: StaffUser, userId: string, now: Date): Promise<{ sessions: number; tokens: number } | null> {
  requireAdmin(admin, "user management");
  return transaction(db, async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await target(tx, userId);
    if (user.deactivatedAt) return null;
    if (user.id === admin.id) throw new InvalidInput("You cannot deactivate your own account; ask another admin.");
    if (admins.includes(user.id) && admins.length <= 1) throw new Conflict(LAST_ADMIN);
    await setUserDeactivated(tx, user.id, now, now);
    const sessions = await deleteUserSessions(tx, user.id);
    const tokens = await revokeUserApiTokens(tx, user.id, now);
    await deleteUserLinkTokens(tx, user.id, "invite");
    await deleteUserLinkTokens(tx, user.id, "reset-password");
    await recordAudit(tx, admin, { studyId: null, action: "user.deactivated", target: user.email, filter: {}, rowCount: null, outcome: { sessionsEnded: sessions, tokensRevoked: tokens } }, now);
    return { sessions, tokens };
  });
}

/** Lets a deactivated account sign in again with its password (its old API tokens stay revoked). */
export async function reactivateUser(db: Db, admin: StaffUser, userId: string, now: Date): Promise<{ changed: boolean }> {
  requireAdmin(admin, "user management");
  return transaction(db, async (tx) => {
    const user = await target(tx, userId);
    if (!user.deactivatedAt) return { changed: false };
    await setUserDeactivated(tx, user.id, null, now);
    await recordAudit(tx, admin, { studyId: null, action: "user.reactivated", target: user.email, filter: {}, rowCount: null }, now);
    return { changed: true };
  });
}

/** The API's PATCH: a role change and (de)activation together, or neither (one transaction). */
export async function updateUser(db: Db, admin: StaffUser, userId: string, change: { role?: Role; active?: boolean }, now: Date): Promise<void> {
  requireAdmin(admin, "user management");
  await transaction(db, async (tx) => {
    if (change.active === false) await deactivateUser(tx, admin, userId, now);
    if (change.role) await changeRole(tx, admin, userId, { role: change.role }, now);
    if (change.active === true) await reactivateUser(tx, admin, userId, now);
  });
}
