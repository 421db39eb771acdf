// Responses: load and save one, earlier waves' preload values, and moving one to another participant.
import { and, eq, sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { responses } from "../schema";
import { list, pickKeys, toObject } from "./raw";

/** The columns of a response that the respondent pages work with. */
export const responseColumns = {
  id: responses.id,
  answers: responses.answers,
  currentPage: responses.currentPage,
  status: responses.status,
  language: responses.language,
  revision: responses.revision,
  lastSubmitKey: responses.lastSubmitKey,
  pendingContactEncrypted: responses.pendingContactEncrypted,
};

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

export async function responseExistsFor(db: Db, waveId: string, participantId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: responses.id })
    .from(responses)
    .where(and(eq(responses.waveId, waveId), eq(responses.participantId, participantId)))
    .limit(1);
  return !!row;
}

/**
 * For each participant, the values of `names` in their completed responses to the study's waves
 * before `position`, in wave order, so a later wave's value wins. Only the named keys are read
 * out of each response.
 */
export async function findEarlierValues(
  db: Db,
  wave: { studyId: string; position: number },
  participantIds: string[],
  names: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (participantIds.length === 0 || names.length === 0) return out;
  const rows = await executeRows<{ participant_id: string; picked: unknown }>(
    db,
    sql`select r.participant_id, ${pickKeys(sql`r.answers`, names)} as picked
        from responses r join waves w on w.id = r.wave_id
        where w.study_id = ${wave.studyId} and w.position < ${wave.position} and r.status = 'completed'
          and r.participant_id in (${list(participantIds)})
        order by w.position`,
  );
  for (const r of rows) out.set(r.participant_id, { ...(out.get(r.participant_id) ?? {}), ...toObject(r.picked) });
  return out;
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
