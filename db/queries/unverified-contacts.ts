// Unverified open-link contacts and the "Was this you?" links that may join them to a member.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { participants, studies, unverifiedContacts } from "../schema";
import { toNumber, ts } from "./raw";

export async function insertUnverifiedContact(db: Db, row: typeof unverifiedContacts.$inferInsert): Promise<void> {
  await db.insert(unverifiedContacts).values(row);
}

/** A request by its link's token hash, with what its page shows and the member's languages. */
export async function findUnverifiedContactByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: unverifiedContacts.id,
      participantId: unverifiedContacts.participantId,
      existingParticipantId: unverifiedContacts.existingParticipantId,
      studyId: unverifiedContacts.studyId,
      waveId: unverifiedContacts.waveId,
      createdAt: unverifiedContacts.createdAt,
      expiresAt: unverifiedContacts.expiresAt,
      confirmedAt: unverifiedContacts.confirmedAt,
      rejectedAt: unverifiedContacts.rejectedAt,
      studyName: studies.name,
      languages: studies.languages,
      defaultLanguage: studies.defaultLanguage,
      contactName: studies.contactName,
      contactEmail: studies.contactEmail,
      studySettings: studies.settings,
      existingWithdrawnAt: participants.withdrawnAt,
      lastAnsweredLanguage: sql<string | null>`(select r.language from responses r
        where r.participant_id = ${unverifiedContacts.existingParticipantId} order by r.updated_at desc limit 1)`,
      recordedLanguage: sql<string | null>`(select c.language from contacts c where c.participant_id = ${unverifiedContacts.existingParticipantId})`,
    })
    .from(unverifiedContacts)
    .innerJoin(studies, eq(studies.id, unverifiedContacts.studyId))
    .innerJoin(participants, eq(participants.id, unverifiedContacts.existingParticipantId))
    .where(eq(unverifiedContacts.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export type UnverifiedContactRow = NonNullable<Awaited<ReturnType<typeof findUnverifiedContactByTokenHash>>>;

/**
 * Spends a request: sets confirmed_at or rejected_at and erases the address copy, only while it
 * is unanswered and unexpired. Returns false when another click got there first or it expired:
 * single use rests on this one conditional update.
 */
export async function answerUnverifiedContact(db: Db, id: string, answer: "confirmed" | "rejected", now: Date): Promise<boolean> {
  const rows = await db
    .update(unverifiedContacts)
    .set({ ...(answer === "confirmed" ? { confirmedAt: now } : { rejectedAt: now }), emailEncrypted: null, emailHash: null })
    .where(and(eq(unverifiedContacts.id, id), isNull(unverifiedContacts.confirmedAt), isNull(unverifiedContacts.rejectedAt), gt(unverifiedContacts.expiresAt, now)))
    .returning({ id: unverifiedContacts.id });
  return rows.length === 1;
}

/**
 * Moves the response to `wave` from one participant to another, unless the other already has
 * one there. Returns whether it moved.
 */
export async function moveResponse(db: Db, m: { waveId: string; fromParticipantId: string; toParticipantId: string }): Promise<boolean> {
  const rows = await executeRows(
    db,
    sql`update responses set participant_id = ${m.toParticipantId}
        where wave_id = ${m.waveId} and participant_id = ${m.fromParticipantId}
          and not exists (select 1 from responses r where r.wave_id = ${m.waveId} and r.participant_id = ${m.toParticipantId})
        returning id`,
  );
  return rows.length === 1;
}

/** "Was this you?" messages queued for a member since `since` (a cap against mail bombing). */
export async function countLinkConfirmationsSince(db: Db, participantId: string, since: Date): Promise<number> {
  const [r] = await executeRows<{ n: unknown }>(
    db,
    sql`select count(*) as n from outbox where participant_id = ${participantId}
        and kind = 'link_confirmation' and created_at > ${ts(since)}`,
  );
  return toNumber(r?.n);
}

/** The participant codes of both sides, for the audit entry. */
export async function participantCodes(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: participants.id, code: participants.code })
    .from(participants)
    .where(sql`${participants.id} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Removes a board entry nobody has worked on yet (its response moved to another participant). */
export async function dropUntouchedFlag(db: Db, participantId: string, waveId: string): Promise<void> {
  await executeRows(
    db,
    sql`delete from recruitment where participant_id = ${participantId} and wave_id = ${waveId} and status = 'flagged'`,
  );
}
