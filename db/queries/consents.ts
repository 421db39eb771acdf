// Consents are a history: each grant or withdrawal is a row, and the latest row of a kind
// decides. This file holds that rule once; every query that asks "is consent K granted?" uses it.
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { consentWordings, consents } from "../schema";

/** The consent a panel wave's target rule asks for unless it names another: follow-up surveys. */
export const FOLLOW_UP_CONSENT = "follow_up_surveys";
/** The consent to be contacted for an interview (the recruitment board, interview requests). */
export const INTERVIEW_CONSENT = "interview_contact";

/**
 * The latest consent of `kind` for `participantId`, as an SQL boolean: true when granted, false
 * when withdrawn, null when never recorded. Latest is the newest `recorded_at`; rows recorded at
 * the same instant are ordered by id, so every query answers the same. Both arguments are SQL
 * (a column such as sql`p.id`) or a value. Served by consents_participant_kind_idx.
 */
// Raw SQL: a correlated subquery that the raw queries of panel, outbox and recruitment embed.
export function latestConsentGranted(participantId: SQL | string, kind: SQL | string): SQL {
  return sql`(select lc.granted from consents lc where lc.participant_id = ${participantId} and lc.kind = ${kind}
    order by lc.recorded_at desc, lc.id desc limit 1)`;
}

type ConsentInsert = typeof consents.$inferInsert;

/** SHA-256 of a wording as shown (UTF-8), hex: the key of its consent_wordings row. */
export function wordingHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The rows with the hash of their wording, after keeping each wording once in consent_wordings
 * (a wording seen before is left as it was). Every insert into consents goes through this.
 */
export async function withRecordedWordings<R extends ConsentInsert>(db: Db, rows: R[]): Promise<R[]> {
  const out = rows.map((r) => (r.wordingText ? { ...r, wordingHash: wordingHash(r.wordingText) } : r));
  const seen = new Map<string, typeof consentWordings.$inferInsert>();
  for (const r of out) {
    if (!r.wordingHash || !r.wordingText) continue;
    const key = `${r.studyId}/${r.kind}/${r.wordingHash}`;
    if (!seen.has(key)) {
      seen.set(key, { studyId: r.studyId, kind: r.kind, hash: r.wordingHash, wordingVersion: r.wordingVersion ?? null, language: r.language ?? null, text: r.wordingText, firstRecordedAt: r.recordedAt ?? new Date() });
    }
  }
  const wordings = [...seen.values()];
  for (let i = 0; i < wordings.length; i += 1000) {
    await db.insert(consentWordings).values(wordings.slice(i, i + 1000)).onConflictDoNothing();
  }
  return out;
}

export async function insertConsents(db: Db, rows: ConsentInsert[]) {
  if (rows.length) await db.insert(consents).values(await withRecordedWordings(db, rows));
}

/** The latest consent row per kind decides; null where there is none. */
export async function latestConsents(db: Db, participantId: string, kinds: string[]): Promise<Record<string, boolean | null>> {
  const out: Record<string, boolean | null> = Object.fromEntries(kinds.map((k) => [k, null]));
  if (kinds.length === 0) return out;
  const rows = await executeRows<{ kind: string; granted: unknown }>(
    db,
    sql`select k.kind, ${latestConsentGranted(participantId, sql`k.kind`)} as granted
        from (values ${sql.join(kinds.map((k) => sql`(${k}::text)`), sql`, `)}) as k(kind)`,
  );
  for (const r of rows) out[r.kind] = r.granted === null || r.granted === undefined ? null : r.granted === true || r.granted === "t";
  return out;
}

export async function insertConsentWithdrawal(
  db: Db,
  c: { participantId: string; studyId: string; kind: string; method: string; waveId: string | null; language: string | null; now: Date },
): Promise<void> {
  await db.insert(consents).values({
    participantId: c.participantId,
    studyId: c.studyId,
    kind: c.kind,
    granted: false,
    method: c.method,
    waveId: c.waveId,
    language: c.language,
    recordedAt: c.now,
  });
}

/** The consent kinds recorded for a study's panel (imported columns, consent questions), sorted. */
export async function listRecordedConsentKinds(db: Db, studyId: string): Promise<string[]> {
  const rows = await executeRows<{ kind: string }>(db, sql`select distinct kind from consents where study_id = ${studyId} order by kind`);
  return rows.map((r) => r.kind);
}
