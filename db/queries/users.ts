// Users, study membership, and personal API tokens (only the SHA-256 of a token is stored; a
// token acts as its user).
import { randomUUID } from "node:crypto";
import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import { accounts, studyMembers, users, apiTokens } from "../schema";

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
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
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

export async function addStudyMember(db: Db, studyId: string, userId: string) {
  await db.insert(studyMembers).values({ studyId, userId }).onConflictDoNothing();
}

export async function isStudyMember(db: Db, studyId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: studyMembers.userId })
    .from(studyMembers)
    .where(and(eq(studyMembers.studyId, studyId), eq(studyMembers.userId, userId)))
    .limit(1);
  return !!row;
}

export function listAllUsers(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(users.email);
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
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
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
