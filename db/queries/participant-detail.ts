// One panel member as the staff person page shows them: their waves, consents and contact row.
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { consents, contacts, invitations, participants, responses, waves } from "../schema";

/** The participant with this code in the study, with their contact row if it still exists. */
export async function findParticipantByCode(db: Db, studyId: string, code: string) {
  const [row] = await db
    .select({
      id: participants.id, code: participants.code, createdAt: participants.createdAt, withdrawnAt: participants.withdrawnAt,
      emailEncrypted: contacts.emailEncrypted, language: contacts.language, bouncedAt: contacts.bouncedAt,
    })
    .from(participants)
    .leftJoin(contacts, eq(contacts.participantId, participants.id))
    .where(and(eq(participants.studyId, studyId), eq(participants.code, code)))
    .limit(1);
  return row ?? null;
}

/** The person's invitations, wave by wave in study order, with the wave's state and their response. */
export async function participantWaves(db: Db, participantId: string) {
  return db
    .select({
      invitationId: invitations.id, waveId: waves.id, waveSlug: waves.slug, waveName: waves.name, waveStatus: waves.status,
      waveClosesAt: waves.closesAt, targetRule: waves.targetRule, status: invitations.status, createdAt: invitations.createdAt,
      sentAt: invitations.sentAt, openedAt: invitations.openedAt, startedAt: invitations.startedAt, completedAt: invitations.completedAt,
      responseStatus: responses.status,
    })
    .from(invitations)
    .innerJoin(waves, eq(waves.id, invitations.waveId))
    .leftJoin(responses, and(eq(responses.waveId, invitations.waveId), eq(responses.participantId, invitations.participantId)))
    .where(eq(invitations.participantId, participantId))
    .orderBy(asc(waves.position));
}

/** Every consent row of the person, newest first (the history, not only the latest). */
export async function participantConsentHistory(db: Db, participantId: string) {
  return db
    .select({
      kind: consents.kind, granted: consents.granted, wordingVersion: consents.wordingVersion, language: consents.language,
      method: consents.method, recordedAt: consents.recordedAt, waveSlug: waves.slug,
    })
    .from(consents)
    .leftJoin(waves, eq(waves.id, consents.waveId))
    .where(eq(consents.participantId, participantId))
    .orderBy(desc(consents.recordedAt), desc(consents.id));
}

/** The study's waves in order, slug and name only (the panel list's filter). */
export async function studyWaveNames(db: Db, studyId: string) {
  return db.select({ slug: waves.slug, name: waves.name, mode: waves.mode }).from(waves).where(eq(waves.studyId, studyId)).orderBy(asc(waves.position));
}
