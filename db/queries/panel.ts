// Panel membership: contacts (encrypted emails) and consents.
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { consents, contacts, responses } from "../schema";

export async function findContactByHash(db: Db, studyId: string, emailHash: string) {
  const [row] = await db
    .select({ participantId: contacts.participantId })
    .from(contacts)
    .where(and(eq(contacts.studyId, studyId), eq(contacts.emailHash, emailHash)))
    .limit(1);
  return row ?? null;
}

/** Stores or replaces a participant's contact row (one per participant). */
export async function upsertContact(
  db: Db,
  c: { participantId: string; studyId: string; emailEncrypted: string; emailHash: string; language: string; now: Date },
) {
  await db
    .insert(contacts)
    .values({ ...c, createdAt: c.now, updatedAt: c.now })
    .onConflictDoUpdate({
      target: contacts.participantId,
      set: { emailEncrypted: c.emailEncrypted, emailHash: c.emailHash, language: c.language, updatedAt: c.now, bouncedAt: null },
    });
}

export async function insertConsents(db: Db, rows: (typeof consents.$inferInsert)[]) {
  if (rows.length) await db.insert(consents).values(rows);
}

export async function responseExistsFor(db: Db, waveId: string, participantId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: responses.id })
    .from(responses)
    .where(and(eq(responses.waveId, waveId), eq(responses.participantId, participantId)))
    .limit(1);
  return !!row;
}
