// Bulk inserts used by the demo seed and benchmarks (one statement per chunk).
import type { Db } from "../client";
import { consents, contacts, instruments, instrumentVersions, invitations, participants, responses, studies } from "../schema";
import { withRecordedWordings } from "./consents";

const CHUNK = 500;

async function chunked<T>(rows: T[], insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function insertStudy(db: Db, s: typeof studies.$inferInsert) {
  const [row] = await db.insert(studies).values(s).returning({ id: studies.id });
  return row.id;
}

export async function insertInstrumentVersion(
  db: Db,
  v: { studyId: string; name: string; definition: unknown; sourceFormat: "xlsform" | "json"; sourceName?: string; lockedAt?: Date },
) {
  const [inst] = await db.insert(instruments).values({ studyId: v.studyId, name: v.name }).returning({ id: instruments.id });
  const [ver] = await db
    .insert(instrumentVersions)
    .values({ instrumentId: inst.id, studyId: v.studyId, version: 1, definition: v.definition, sourceFormat: v.sourceFormat, sourceName: v.sourceName, lockedAt: v.lockedAt })
    .returning({ id: instrumentVersions.id });
  return ver.id;
}

export const insertParticipants = (db: Db, rows: (typeof participants.$inferInsert)[]) =>
  chunked(rows, (p) => db.insert(participants).values(p));
export const insertContacts = (db: Db, rows: (typeof contacts.$inferInsert)[]) =>
  chunked(rows, (p) => db.insert(contacts).values(p));
export const insertConsentRows = async (db: Db, rows: (typeof consents.$inferInsert)[]) =>
  chunked(await withRecordedWordings(db, rows), (p) => db.insert(consents).values(p));
export const insertInvitations = (db: Db, rows: (typeof invitations.$inferInsert)[]) =>
  chunked(rows, (p) => db.insert(invitations).values(p));
export const insertResponses = (db: Db, rows: (typeof responses.$inferInsert)[]) =>
  chunked(rows, (p) => db.insert(responses).values(p));
