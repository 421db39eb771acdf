// Panel import: which emails and codes a study already has, and inserting the panel (in batches,
// inside the caller's transaction, or at once).
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { consents, contacts, participants } from "../schema";

// One array parameter per lookup (`= any($1)`): a list of 5,000 parameters costs far more to send and plan.
const LOOKUP = 5000;

/** The subset of these email hashes the study's contacts already hold. */
export async function existingEmailHashes(db: Db, studyId: string, hashes: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < hashes.length; i += LOOKUP) {
    const rows = await db
      .select({ h: contacts.emailHash })
      .from(contacts)
      .where(and(eq(contacts.studyId, studyId), sql`${contacts.emailHash} = any(${sql.param(hashes.slice(i, i + LOOKUP))}::text[])`));
    for (const r of rows) out.add(r.h);
  }
  return out;
}

/** The subset of these participant codes the study already uses. */
export async function existingCodes(db: Db, studyId: string, codes: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < codes.length; i += LOOKUP) {
    const rows = await db
      .select({ c: participants.code })
      .from(participants)
      .where(and(eq(participants.studyId, studyId), sql`${participants.code} = any(${sql.param(codes.slice(i, i + LOOKUP))}::text[])`));
    for (const r of rows) out.add(r.c);
  }
  return out;
}

export type PanelRows = {
  participants: (typeof participants.$inferInsert)[];
  contacts: (typeof contacts.$inferInsert)[];
  consents: (typeof consents.$inferInsert)[];
};

/**
 * One text[] parameter per column (cast back in SQL): text arrays pass through both drivers the
 * same way, which arrays of timestamps and booleans do not.
 */
const column = (values: (string | boolean | Date | null | undefined)[]) =>
  sql`${sql.param(values.map((v) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v))))}::text[]`;

/**
 * Inserts one batch of participants, their contacts and consents (call inside a transaction).
 * Each table takes one statement with one array per column (`unnest`): building a multi-row
 * insert for a thousand rows cost more CPU than the database spent on it.
 */
export async function insertPanelRows(db: Db, rows: PanelRows): Promise<void> {
  const p = rows.participants;
  const c = rows.contacts;
  const k = rows.consents;
  if (p.length) {
    await db.execute(sql`insert into participants (id, study_id, code, created_at)
      select id::uuid, study_id::uuid, code, coalesce(created_at::timestamptz, now())
      from unnest(${column(p.map((r) => r.id))}, ${column(p.map((r) => r.studyId))}, ${column(p.map((r) => r.code))},
        ${column(p.map((r) => r.createdAt))}) as t(id, study_id, code, created_at)`);
  }
  if (c.length) {
    await db.execute(sql`insert into contacts (participant_id, study_id, email_encrypted, email_hash, language, created_at, updated_at)
      select participant_id::uuid, study_id::uuid, email_encrypted, email_hash, language,
        coalesce(created_at::timestamptz, now()), coalesce(updated_at::timestamptz, now())
      from unnest(${column(c.map((r) => r.participantId))}, ${column(c.map((r) => r.studyId))}, ${column(c.map((r) => r.emailEncrypted))},
        ${column(c.map((r) => r.emailHash))}, ${column(c.map((r) => r.language))}, ${column(c.map((r) => r.createdAt))},
        ${column(c.map((r) => r.updatedAt))}) as t(participant_id, study_id, email_encrypted, email_hash, language, created_at, updated_at)`);
  }
  if (k.length) {
    await db.execute(sql`insert into consents (participant_id, study_id, kind, granted, wording_version, wording_text, language, wave_id, method, recorded_at)
      select participant_id::uuid, study_id::uuid, kind, granted::boolean, wording_version, wording_text, language, wave_id::uuid, method,
        coalesce(recorded_at::timestamptz, now())
      from unnest(${column(k.map((r) => r.participantId))}, ${column(k.map((r) => r.studyId))}, ${column(k.map((r) => r.kind))},
        ${column(k.map((r) => r.granted))}, ${column(k.map((r) => r.wordingVersion))}, ${column(k.map((r) => r.wordingText))},
        ${column(k.map((r) => r.language))}, ${column(k.map((r) => r.waveId))}, ${column(k.map((r) => r.method))},
        ${column(k.map((r) => r.recordedAt))}) as t(participant_id, study_id, kind, granted, wording_version, wording_text, language, wave_id, method, recorded_at)`);
  }
}

/** Inserts participants, their contacts and consents in one transaction: all or nothing. */
export async function insertPanel(db: Db, rows: PanelRows): Promise<void> {
  await db.transaction(async (tx) => insertPanelRows(tx as unknown as Db, rows));
}
