// Panel import: which emails and codes a study already has, and inserting the panel (in batches,
// inside the caller's transaction, or at once).
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { consents, contacts, participants } from "../schema";

const LOOKUP = 5000;
const INSERT = 1000;

/** The subset of these email hashes the study's contacts already hold. */
export async function existingEmailHashes(db: Db, studyId: string, hashes: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < hashes.length; i += LOOKUP) {
    const rows = await db
      .select({ h: contacts.emailHash })
      .from(contacts)
      .where(and(eq(contacts.studyId, studyId), inArray(contacts.emailHash, hashes.slice(i, i + LOOKUP))));
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
      .where(and(eq(participants.studyId, studyId), inArray(participants.code, codes.slice(i, i + LOOKUP))));
    for (const r of rows) out.add(r.c);
  }
  return out;
}

export type PanelRows = {
  participants: (typeof participants.$inferInsert)[];
  contacts: (typeof contacts.$inferInsert)[];
  consents: (typeof consents.$inferInsert)[];
};

/** Inserts one batch of participants, their contacts and consents (call inside a transaction). */
export async function insertPanelRows(db: Db, rows: PanelRows): Promise<void> {
  for (let i = 0; i < rows.participants.length; i += INSERT) await db.insert(participants).values(rows.participants.slice(i, i + INSERT));
  for (let i = 0; i < rows.contacts.length; i += INSERT) await db.insert(contacts).values(rows.contacts.slice(i, i + INSERT));
  for (let i = 0; i < rows.consents.length; i += INSERT) await db.insert(consents).values(rows.consents.slice(i, i + INSERT));
}

/** Inserts participants, their contacts and consents in one transaction: all or nothing. */
export async function insertPanel(db: Db, rows: PanelRows): Promise<void> {
  await db.transaction(async (tx) => insertPanelRows(tx as unknown as Db, rows));
}
