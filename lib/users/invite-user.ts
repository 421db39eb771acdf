// Inviting a researcher or admin: the account is created without a password and a single-use
// link to choose one goes out through the outbox (modelled on the password-reset link). The
// link's token is stored only as a hash in better-auth's verifications table ("invite#<hash>").
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../../db/client";
import { deleteUserLinkTokens, findUserByEmail, hasUserLinkToken, findUserById, findUserState, insertInvitedUser, insertUserLinkToken, setCredentialPassword, takeUserLinkToken } from "../../db/queries/users";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { newPasswordSchema } from "../auth/password-flows";
import { requireAdmin } from "../auth/permissions";
import type { Config } from "../config/load-config";
import { hashToken, newToken } from "../crypto/tokens";
import { Conflict, InvalidInput, NotFound } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { queueStaffInvitation } from "../mail/queue-mail";
import { inviteSchema, type InviteInput } from "./user-schemas";

/** Invitation links work once, for a week (a reset link: an hour). */
export const INVITE_DAYS = 7;
export const BAD_INVITE_LINK = "This invitation link is invalid, used or expired. Ask an admin for a new one.";

type MailConfig = Pick<Config, "publicUrl" | "personalDataKey">;

const inviteIdentifier = (token: string) => `invite#${hashToken(token)}`;
const TOKEN_RE = /^[A-Za-z0-9_-]{20,64}$/;

/** Stores a new link token for the user and queues the email with it (inside the caller's transaction). */
async function sendLink(tx: Db, config: MailConfig, user: { id: string; role: "admin" | "researcher" }, now: Date): Promise<void> {
  const token = newToken();
  await insertUserLinkToken(tx, { identifier: inviteIdentifier(token), userId: user.id, expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000), now });
  const url = `${config.publicUrl}/set-password?token=${token}`;
  await queueStaffInvitation(tx, config.personalDataKey, { userId: user.id, url, days: INVITE_DAYS, role: user.role, requestKey: token }, now);
}

/** Creates the account (no password) and sends the invitation. Admins only; a known email is refused. */
export async function inviteUser(db: Db, config: MailConfig, admin: StaffUser, input: { [K in keyof InviteInput]: unknown }, now: Date): Promise<{ userId: string }> {
  requireAdmin(admin, "user management");
  const u = parseInput(inviteSchema, input);
  return transaction(db, async (tx) => {
    if (await findUserByEmail(tx, u.email)) {
      throw new InvalidInput("Check the email address", [{ path: "email", message: `${u.email} already has an account` }]);
    }
    const userId = await insertInvitedUser(tx, { ...u, now });
    await sendLink(tx, config, { id: userId, role: u.role }, now);
    await recordAudit(tx, admin, { studyId: null, action: "user.invited", target: u.email, filter: {}, rowCount: null, outcome: { name: u.name, role: u.role, validDays: INVITE_DAYS } }, now);
    return { userId };
  });
}

/** A new invitation link for someone who has not set a password yet; earlier links stop working. */
export async function resendInvitation(db: Db, config: MailConfig, admin: StaffUser, userId: string, now: Date): Promise<void> {
  requireAdmin(admin, "user management");
  await transaction(db, async (tx) => {
    const user = await findUserState(tx, userId);
    if (!user) throw new NotFound("User not found");
    if (user.hasPassword) throw new Conflict(`${user.email} has already set a password; they can use "Forgotten your password?" on the sign-in page.`);
    if (user.deactivatedAt) throw new Conflict(`${user.email} is deactivated; reactivate the account first.`);
    await deleteUserLinkTokens(tx, user.id, "invite");
    await sendLink(tx, config, user, now);
    await recordAudit(tx, admin, { studyId: null, action: "user.invitation_resent", target: user.email, filter: {}, rowCount: null, outcome: { validDays: INVITE_DAYS } }, now);
  });
}

/**
 * Sets the invited person's first password from their link: the link is used up (single use,
 * and every other invitation link of theirs dies with it). Returns their email, to sign them in.
 */
export async function acceptInvitation(db: Db, input: { token: unknown; password: unknown; confirm: unknown }, now: Date): Promise<{ email: string }> {
  const { password } = parseInput(newPasswordSchema, input);
  const token = typeof input.token === "string" && TOKEN_RE.test(input.token) ? input.token : null;
  // A dead link is refused before the (deliberately slow) password hash is computed.
  if (!token || !(await hasUserLinkToken(db, inviteIdentifier(token), now))) throw new InvalidInput(BAD_INVITE_LINK);
  const hash = await hashPassword(password);
  return transaction(db, async (tx) => {
    const userId = await takeUserLinkToken(tx, inviteIdentifier(token), now);
    const user = userId ? await findUserById(tx, userId) : null;
    if (!user || user.deactivatedAt) throw new InvalidInput(BAD_INVITE_LINK);
    await setCredentialPassword(tx, user.id, hash, now);
    await deleteUserLinkTokens(tx, user.id, "invite");
    const actor: StaffUser = { id: user.id, email: user.email, name: user.name, role: user.role === "admin" ? "admin" : "researcher" };
    await recordAudit(tx, actor, { studyId: null, action: "user.invitation_accepted", target: user.email, filter: {}, rowCount: null, outcome: { passwordSet: true } }, now);
    return { email: user.email };
  });
}
