import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { accounts, studyMembers, users } from "../schema";

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
