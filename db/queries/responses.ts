// Responses: load and save one, earlier waves' preload values, and moving one to another participant.
import { and, eq, sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { responses } from "../schema";
import { invitationRank } from "./invitation-rank";
import { preparedSql } from "./prepared";
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

/** A page's answers to save: into the row at `expectedRevision`, or a new row (the first page). */
export type PageSave = {
  /** The invitation moves forward with the save (opened < started < completed; never back). */
  invitationId: string;
  progress: "started" | "completed";
  answers: Record<string, unknown>;
  currentPage: string | null;
  language: string;
  submitKey: string | null;
  completed: boolean;
  trajectory?: string | null;
  pendingContact: string | null;
  now: Date;
} & (
  | { id: string; expectedRevision: number }
  | { create: { waveId: string; studyId: string; participantId: string } }
);

const P = (name: string) => sql.placeholder(name);

/** The invitation moves forward (only) once the response statement before it returned a row. */
const invitationProgress = sql`progress as (
  update invitations set status = ${P("progress")}::text,
    started_at = case when ${P("progress")}::text = 'started' then ${P("now")}::timestamptz else started_at end,
    completed_at = case when ${P("progress")}::text = 'completed' then ${P("now")}::timestamptz else completed_at end
  where id = ${P("invitationId")}::uuid and exists (select 1 from saved)
    and ${invitationRank(sql`status`)} < ${invitationRank(sql`${P("progress")}::text`)})`;

/** A later page: the row is saved only at the revision the page was shown with (one statement with the invitation's progress). */
const savePageStatement = preparedSql<{ id: string }>("save_page", () => sql`with saved as (
  update responses set answers = ${P("answers")}::jsonb, current_page = ${P("currentPage")}::text, language = ${P("language")}::text,
    revision = revision + 1, last_submit_key = ${P("submitKey")}::text, pending_contact_encrypted = ${P("pendingContact")}::text,
    updated_at = ${P("now")}::timestamptz,
    status = case when ${P("completed")}::boolean then 'completed' else status end,
    completed_at = case when ${P("completed")}::boolean then ${P("now")}::timestamptz else completed_at end,
    trajectory = case when ${P("setTrajectory")}::boolean then ${P("trajectory")}::text else trajectory end
  where id = ${P("id")}::uuid and revision = ${P("expectedRevision")}::integer
  returning id
), ${invitationProgress}
select id from saved`);

/** The first page: the row is created with the answers (revision 1); a row already there (another tab) is left alone. */
const startPageStatement = preparedSql<{ id: string }>("start_page", () => sql`with saved as (
  insert into responses (wave_id, study_id, participant_id, invitation_id, answers, current_page, language, status, revision,
    last_submit_key, pending_contact_encrypted, started_at, updated_at, completed_at, trajectory)
  values (${P("waveId")}::uuid, ${P("studyId")}::uuid, ${P("participantId")}::uuid, ${P("invitationId")}::uuid, ${P("answers")}::jsonb,
    ${P("currentPage")}::text, ${P("language")}::text, case when ${P("completed")}::boolean then 'completed' else 'started' end, 1,
    ${P("submitKey")}::text, ${P("pendingContact")}::text, ${P("now")}::timestamptz, ${P("now")}::timestamptz,
    case when ${P("completed")}::boolean then ${P("now")}::timestamptz end, case when ${P("setTrajectory")}::boolean then ${P("trajectory")}::text end)
  on conflict (wave_id, participant_id) do nothing
  returning id
), ${invitationProgress}
select id from saved`);

/**
 * Saves a page in one statement, prepared (the respondent's hot path): the answers into the row
 * if nobody saved since the revision the page was shown with (optimistic concurrency), or into a
 * new row for the first page; the invitation's progress moves with it. Returns false when another
 * tab or device got there first (nothing is written then, the invitation included).
 */
export async function savePage(db: Db, s: PageSave): Promise<boolean> {
  const values = {
    invitationId: s.invitationId, progress: s.progress, answers: JSON.stringify(s.answers), currentPage: s.currentPage,
    language: s.language, submitKey: s.submitKey, pendingContact: s.pendingContact, now: s.now.toISOString(),
    completed: s.completed, setTrajectory: s.trajectory !== undefined, trajectory: s.trajectory ?? null,
  };
  const rows = "create" in s
    ? await startPageStatement(db).execute({ ...values, ...s.create })
    : await savePageStatement(db).execute({ ...values, id: s.id, expectedRevision: s.expectedRevision });
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
