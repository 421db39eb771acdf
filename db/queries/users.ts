// Users, study membership, and personal API tokens (only the SHA-256 of a token is stored; a
// token acts as its user).
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, gt, isNotNull, isNull, like, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { accounts, apiTokens, sessions, studies, studyMembers, users, verifications } from "../schema";

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

export async function findUserById(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

export async function countUsersByRole(db: Db, role: "admin" | "researcher"): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.role, role));
  return Number(row?.n ?? 0);
}

/** Inserts a user and their credential account in one transaction (better-auth's layout). */
export async function insertUserWithPassword(
  db: Db,
  u: { email: string; name: string; role: "admin" | "researcher"; passwordHash: string },
) {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(users).values({ id, email: u.email, name: u.name, role: u.role, emailVerified: true });
    await tx.insert(accounts).values({
      id: randomUUID(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: u.passwordHash,
    });
  });
  return id;
}

/** Makes the user a member of the study; false when they already were. */
export async function addStudyMember(db: Db, studyId: string, userId: string, now = new Date()): Promise<boolean> {
  const rows = await db.insert(studyMembers).values({ studyId, userId, createdAt: now }).onConflictDoNothing().returning({ userId: studyMembers.userId });
  return rows.length > 0;
}

/** Ends the user's membership of the study; false when they were not a member. */
export async function removeStudyMember(db: Db, studyId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(studyMembers)
    .where(and(eq(studyMembers.studyId, studyId), eq(studyMembers.userId, userId)))
    .returning({ userId: studyMembers.userId });
  return rows.length > 0;
}

/** The studies the user is a member of, by name, with the day they joined. */
export function listMemberStudies(db: Db, userId: string) {
  return db
    .select({ id: studies.id, slug: studies.slug, name: studies.name, since: studyMembers.createdAt })
    .from(studyMembers)
    .innerJoin(studies, eq(studies.id, studyMembers.studyId))
    .where(eq(studyMembers.userId, userId))
    .orderBy(asc(studies.name));
}

export async function isStudyMember(db: Db, studyId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: studyMembers.userId })
    .from(studyMembers)
    .where(and(eq(studyMembers.studyId, studyId), eq(studyMembers.userId, userId)))
    .limit(1);
  return !!row;
}

/** Whether the user has set a password (an invited user has none until they accept). */
// Written out: drizzle leaves column names unqualified inside a select's sql, and both tables have "id".
const hasPassword = sql<boolean>`exists (select 1 from accounts a where a.user_id = "users"."id" and a.provider_id = 'credential' and a.password is not null)`;

export function listAllUsers(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt, deactivatedAt: users.deactivatedAt, hasPassword })
    .from(users)
    .orderBy(users.email);
}

/** One user with their state, or null. */
export async function findUserState(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt, deactivatedAt: users.deactivatedAt, hasPassword })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

/** Inserts a user without a password (an invitation): no credential account until they set one. */
export async function insertInvitedUser(db: Db, u: { email: string; name: string; role: "admin" | "researcher"; now: Date }): Promise<string> {
  const id = randomUUID();
  await db.insert(users).values({ id, email: u.email, name: u.name, role: u.role, emailVerified: false, createdAt: u.now, updatedAt: u.now });
  return id;
}

/** Sets the user's password (the credential account is created the first time) and marks the email verified. */
export async function setCredentialPassword(db: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  const updated = await db
    .update(accounts)
    .set({ password: passwordHash, updatedAt: now })
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential")))
    .returning({ id: accounts.id });
  if (updated.length === 0) {
    await db.insert(accounts).values({ id: randomUUID(), accountId: userId, providerId: "credential", userId, password: passwordHash, createdAt: now, updatedAt: now });
  }
  await db.update(users).set({ emailVerified: true, updatedAt: now }).where(eq(users.id, userId));
}

/**
 * Stores a single-use link token for a user in better-auth's verifications table: `identifier`
 * is "<purpose>#<hash>" (never the token), `value` the user id.
 */
export async function insertUserLinkToken(db: Db, t: { identifier: string; userId: string; expiresAt: Date; now: Date }): Promise<void> {
  await db.insert(verifications).values({ id: randomUUID(), identifier: t.identifier, value: t.userId, expiresAt: t.expiresAt, createdAt: t.now, updatedAt: t.now });
}

/** Whether an unexpired token with this identifier exists (read only). */
export async function hasUserLinkToken(db: Db, identifier: string, now: Date): Promise<boolean> {
  const [row] = await db.select({ id: verifications.id }).from(verifications).where(and(eq(verifications.identifier, identifier), gt(verifications.expiresAt, now))).limit(1);
  return !!row;
}

/** Takes (deletes) the unexpired token with this identifier; its user id, or null. Single use. */
export async function takeUserLinkToken(db: Db, identifier: string, now: Date): Promise<string | null> {
  const rows = await db
    .delete(verifications)
    .where(and(eq(verifications.identifier, identifier), gt(verifications.expiresAt, now)))
    .returning({ userId: verifications.value });
  return rows[0]?.userId ?? null;
}

/** Deletes every pending link token of the user whose identifier starts with `purpose#`. */
export async function deleteUserLinkTokens(db: Db, userId: string, purpose: string): Promise<number> {
  const rows = await db
    .delete(verifications)
    .where(and(eq(verifications.value, userId), like(verifications.identifier, `${purpose}#%`)))
    .returning({ id: verifications.id });
  return rows.length;
}

/**
 * The active admins' ids, their rows locked until the transaction ends, so two admins demoting
 * or deactivating each other at once cannot leave none.
 */
export async function lockActiveAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .orderBy(users.id)
    .for("update");
  return rows.map((r) => r.id);
}

export async function setUserRole(db: Db, userId: string, role: "admin" | "researcher", now: Date): Promise<void> {
  await db.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId));
}

/** Sets (a date) or clears (null) the user's deactivation. */
export async function setUserDeactivated(db: Db, userId: string, at: Date | null, now: Date): Promise<void> {
  await db.update(users).set({ deactivatedAt: at, updatedAt: now }).where(eq(users.id, userId));
}

/** Ends every session of the user; how many there were. */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

/** Revokes every live API token of the user; how many. */
export async function revokeUserApiTokens(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}

/** Whether the user is deactivated (false for an unknown id). */
export async function isUserDeactivated(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), isNotNull(users.deactivatedAt))).limit(1);
  return !!row;
}

export async function insertApiToken(db: Db, t: { userId: string; name: string; tokenHash: string; now: Date }) {
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: t.userId, name: t.name, tokenHash: t.tokenHash, createdAt: t.now })
    .returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt });
  return row;
}

/** A user's tokens, newest first; revoked ones included so the screen can show them. */
export function listApiTokens(db: Db, userId: string) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the user's own tokens; false when there is no such live token of theirs. */
export async function revokeApiToken(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** The live token with this hash and its user, or null (unknown or revoked). */
export async function findTokenUser(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, id: users.id, email: users.email, name: users.name, role: users.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(users.deactivatedAt)))
    .limit(1);
  return row ?? null;
}

/** Records use, at most once per `staleBefore` window, so a busy token does not write on every request. */
export async function touchApiToken(db: Db, tokenId: string, now: Date, staleBefore: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
}
