// Queries behind the respondent pages: resolve a link, load and save a response.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { contacts, instrumentVersions, invitations, participants, responses, studies, waves } from "../schema";

/** The columns of a response that the respondent pages work with. */
const responseColumns = {
  id: responses.id,
  answers: responses.answers,
  currentPage: responses.currentPage,
  status: responses.status,
  language: responses.language,
  revision: responses.revision,
  lastSubmitKey: responses.lastSubmitKey,
  pendingContactEncrypted: responses.pendingContactEncrypted,
};

/** The language of a participant's latest response in any wave (their study's), or null. */
const lastAnsweredLanguage = sql<string | null>`(select r2.language from responses r2
  where r2.participant_id = ${invitations.participantId} order by r2.updated_at desc limit 1)`;

/** Everything a personal link leads to, by the SHA-256 of its token. */
export async function findInvitationContext(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      invitationId: invitations.id,
      invitationStatus: invitations.status,
      preload: invitations.preload,
      participantId: invitations.participantId,
      withdrawnAt: participants.withdrawnAt,
      waveId: waves.id,
      waveStatus: waves.status,
      waveMode: waves.mode,
      opensAt: waves.opensAt,
      closesAt: waves.closesAt,
      studyId: studies.id,
      studySlug: studies.slug,
      languages: studies.languages,
      defaultLanguage: studies.defaultLanguage,
      contactName: studies.contactName,
      contactEmail: studies.contactEmail,
      statusVariable: studies.statusVariable,
      statusMapping: studies.statusMapping,
      studySettings: studies.settings,
      definition: instrumentVersions.definition,
      instrumentVersionId: instrumentVersions.id,
      lastAnsweredLanguage,
      recordedLanguage: contacts.language,
      response: responseColumns,
    })
    .from(invitations)
    .innerJoin(waves, eq(waves.id, invitations.waveId))
    .innerJoin(studies, eq(studies.id, invitations.studyId))
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, waves.instrumentVersionId))
    .leftJoin(responses, and(eq(responses.waveId, invitations.waveId), eq(responses.participantId, invitations.participantId)))
    .leftJoin(contacts, eq(contacts.participantId, invitations.participantId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export type InvitationContext = NonNullable<Awaited<ReturnType<typeof findInvitationContext>>>;

export async function findWaveBySlugs(db: Db, studySlug: string, waveSlug: string) {
  const [row] = await db
    .select({
      waveId: waves.id,
      studyId: studies.id,
      mode: waves.mode,
      status: waves.status,
      opensAt: waves.opensAt,
      closesAt: waves.closesAt,
      name: waves.name,
      languages: studies.languages,
      defaultLanguage: studies.defaultLanguage,
      contactName: studies.contactName,
      contactEmail: studies.contactEmail,
      studySettings: studies.settings,
      definition: instrumentVersions.definition,
    })
    .from(waves)
    .innerJoin(studies, eq(studies.id, waves.studyId))
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, waves.instrumentVersionId))
    .where(and(eq(studies.slug, studySlug), eq(waves.slug, waveSlug)))
    .limit(1);
  return row ?? null;
}

/** An open-link wave by id, with what its first page needs before anyone is stored for it. */
export async function findOpenLinkWave(db: Db, waveId: string) {
  const [row] = await db
    .select({
      waveId: waves.id,
      waveSlug: waves.slug,
      waveStatus: waves.status,
      waveMode: waves.mode,
      opensAt: waves.opensAt,
      closesAt: waves.closesAt,
      studyId: studies.id,
      studySlug: studies.slug,
      languages: studies.languages,
      defaultLanguage: studies.defaultLanguage,
      contactName: studies.contactName,
      contactEmail: studies.contactEmail,
      studySettings: studies.settings,
      definition: instrumentVersions.definition,
      instrumentVersionId: instrumentVersions.id,
    })
    .from(waves)
    .innerJoin(studies, eq(studies.id, waves.studyId))
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, waves.instrumentVersionId))
    .where(and(eq(waves.id, waveId), eq(waves.mode, "open_link")))
    .limit(1);
  return row ?? null;
}

/**
 * Creates the participant and the invitation of an open-link start token when its first page is
 * saved, in one transaction. A second call with the same token hash (a double tap, a retried post)
 * creates nobody: the unique token hash keeps the first one's. Returns whether this call created.
 */
export async function claimOpenLinkStart(
  db: Db,
  p: { studyId: string; waveId: string; code: string; tokenHash: string; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [participant] = await tx
      .insert(participants)
      .values({ studyId: p.studyId, code: p.code, createdAt: p.now })
      .returning({ id: participants.id });
    const inv = await tx
      .insert(invitations)
      .values({ waveId: p.waveId, studyId: p.studyId, participantId: participant.id, tokenHash: p.tokenHash, status: "opened", openedAt: p.now, createdAt: p.now })
      .onConflictDoNothing({ target: invitations.tokenHash })
      .returning({ id: invitations.id });
    if (inv.length === 0) await tx.delete(participants).where(eq(participants.id, participant.id));
    return inv.length === 1;
  });
}

export async function findResponse(db: Db, waveId: string, participantId: string) {
  const [row] = await db
    .select(responseColumns)
    .from(responses)
    .where(and(eq(responses.waveId, waveId), eq(responses.participantId, participantId)))
    .limit(1);
  return row ?? null;
}

export type StoredResponse = NonNullable<Awaited<ReturnType<typeof findResponse>>>;

/** Creates the response row once; a concurrent second call finds the first one's row. */
export async function ensureResponse(
  db: Db,
  r: { waveId: string; studyId: string; participantId: string; invitationId: string; language: string; currentPage: string | null },
): Promise<StoredResponse> {
  await db
    .insert(responses)
    .values({ ...r, answers: {}, status: "started" })
    .onConflictDoNothing({ target: [responses.waveId, responses.participantId] });
  const row = await findResponse(db, r.waveId, r.participantId);
  if (!row) throw new Error("response row vanished after insert");
  return row;
}

/**
 * Saves a page's result if nobody saved since `expectedRevision` (optimistic concurrency).
 * Returns false when another tab or device got there first. `pendingContact` (encrypted email
 * answers waiting for completion) is written with the answers, in the same revision.
 */
export async function saveResponseIfRevision(
  db: Db,
  s: {
    id: string;
    expectedRevision: number;
    answers: Record<string, unknown>;
    currentPage: string | null;
    language: string;
    submitKey: string | null;
    completed: boolean;
    trajectory?: string | null;
    pendingContact: string | null;
    now: Date;
  },
): Promise<boolean> {
  const rows = await db
    .update(responses)
    .set({
      answers: s.answers,
      currentPage: s.currentPage,
      language: s.language,
      revision: sql`${responses.revision} + 1`,
      lastSubmitKey: s.submitKey,
      pendingContactEncrypted: s.pendingContact,
      updatedAt: s.now,
      ...(s.completed ? { status: "completed" as const, completedAt: s.now } : {}),
      ...(s.trajectory !== undefined ? { trajectory: s.trajectory as never } : {}),
    })
    .where(and(eq(responses.id, s.id), eq(responses.revision, s.expectedRevision)))
    .returning({ id: responses.id });
  return rows.length === 1;
}

export async function setInvitationProgress(
  db: Db,
  invitationId: string,
  status: "opened" | "started" | "completed",
  now: Date,
) {
  // Only move forward: opened < started < completed; terminal statuses stay.
  const order = sql`case ${invitations.status} when 'pending' then 0 when 'sent' then 1 when 'opened' then 2 when 'started' then 3 when 'completed' then 4 else 9 end`;
  const rank = { opened: 2, started: 3, completed: 4 }[status];
  await db
    .update(invitations)
    .set({
      status,
      ...(status === "opened" ? { openedAt: now } : status === "started" ? { startedAt: now } : { completedAt: now }),
    })
    .where(and(eq(invitations.id, invitationId), sql`${order} < ${rank}`));
}
