// Attempt counters and lock-outs for sign-in and reset requests (lib/auth/sign-in-throttle.ts
// holds the policies). Each step is one statement, so instances racing on a key stay exact.
import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { authThrottle, verifications } from "../schema";
import { toDate } from "./raw";

export type ThrottlePolicy = {
  /** The attempt that reaches this count sets the first lock. */
  threshold: number;
  /** First lock; each further attempt doubles it. */
  baseSeconds: number;
  capSeconds: number;
  /** A key quiet this long starts counting again from zero. */
  resetAfterSeconds: number;
};

/**
 * Counts one attempt for `key` unless it is locked at `now`. The attempt that reaches the
 * threshold (and every one after it) locks the key for base × 2^(attempts − threshold) seconds,
 * capped, from now. Returns whether the attempt may go ahead, and the lock in force.
 */
export async function takeAttempt(db: Db, key: string, p: ThrottlePolicy, now: Date): Promise<{ allowed: boolean; lockedUntil: Date | null }> {
  const at = now.toISOString();
  const fresh = sql`(case when t.last_attempt_at < ${at}::timestamptz - make_interval(secs => ${p.resetAfterSeconds}) then 1 else t.attempts + 1 end)`;
  const lockFor = (n: SQL) =>
    sql`case when ${n} >= ${p.threshold} then ${at}::timestamptz + make_interval(secs => least(${p.capSeconds}::float8, ${p.baseSeconds}::float8 * power(2::float8, (${n} - ${p.threshold})::float8))) end`;
  const rows = await executeRows<{ locked_until: unknown }>(
    db,
    sql`insert into auth_throttle as t (key, attempts, last_attempt_at, locked_until)
        values (${key}, 1, ${at}::timestamptz, ${lockFor(sql`1`)})
        on conflict (key) do update set attempts = ${fresh}, last_attempt_at = ${at}::timestamptz, locked_until = ${lockFor(fresh)}
        where t.locked_until is null or t.locked_until <= ${at}::timestamptz
        returning t.locked_until`,
  );
  if (rows.length > 0) return { allowed: true, lockedUntil: toDate(rows[0].locked_until) };
  const [row] = await db.select({ lockedUntil: authThrottle.lockedUntil }).from(authThrottle).where(eq(authThrottle.key, key));
  return { allowed: false, lockedUntil: row?.lockedUntil ?? null };
}

/** Forgets a key's attempts and lock (a successful sign-in, a completed reset). */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}

/** Drops keys quiet for longer than `olderThan` and not locked any more (housekeeping). */
export async function pruneAttempts(db: Db, olderThan: Date): Promise<void> {
  await db
    .delete(authThrottle)
    .where(and(lt(authThrottle.lastAttemptAt, olderThan), sql`(${authThrottle.lockedUntil} is null or ${authThrottle.lockedUntil} < ${olderThan.toISOString()}::timestamptz)`));
}

/**
 * Deletes every pending password-reset token of a user (better-auth keeps the user id in
 * `value`; the identifier is "reset-password#<hash>", or "reset-password:<token>" in rows written
 * before hashing), so a used link takes its siblings with it.
 */
export async function deleteResetTokens(db: Db, userId: string): Promise<number> {
  const rows = await db
    .delete(verifications)
    .where(and(eq(verifications.value, userId), sql`(${verifications.identifier} like 'reset-password#%' or ${verifications.identifier} like 'reset-password:%')`))
    .returning({ id: verifications.id });
  return rows.length;
}
