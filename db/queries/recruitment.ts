// Interview recruitment: rules, who they flag, the board, and the rows of the recruitment list.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { recruitment, recruitmentRules, type RecruitmentStatus, type Trajectory } from "../schema";
import { list, pickKeys, toDate, toNumber, toObject, ts } from "./raw";
import { latestConsentGranted } from "./consents";

/** What a rule asks for, as stored in recruitment_rules.rule (parsed by lib/recruitment). */
export type RuleMatch = {
  studyId: string;
  ruleId: string;
  /** Only responses to this wave; null: any wave. */
  waveId: string | null;
  trajectories: Trajectory[];
  /** Consent kind whose latest row must be granted; null: none needed. */
  consent: string | null;
};

export type RuleRow = {
  id: string;
  name: string;
  waveId: string | null;
  rule: Record<string, unknown>;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

const ruleCols = sql`id, name, wave_id, rule, active, created_at, updated_at`;
const toRule = (r: Record<string, unknown>): RuleRow => ({
  id: r.id as string,
  name: r.name as string,
  waveId: (r.wave_id as string) ?? null,
  rule: toObject(r.rule),
  active: r.active === true,
  createdAt: toDate(r.created_at)!,
  updatedAt: toDate(r.updated_at)!,
});

export async function listRules(db: Db, studyId: string): Promise<RuleRow[]> {
  const rows = await executeRows(db, sql`select ${ruleCols} from recruitment_rules where study_id = ${studyId} order by created_at, id`);
  return rows.map(toRule);
}

export async function findRule(db: Db, studyId: string, ruleId: string): Promise<RuleRow | null> {
  const [r] = await executeRows(db, sql`select ${ruleCols} from recruitment_rules where study_id = ${studyId} and id = ${ruleId}`);
  return r ? toRule(r) : null;
}

export async function insertRule(
  db: Db,
  r: { studyId: string; name: string; waveId: string | null; rule: Record<string, unknown>; active: boolean; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(recruitmentRules)
    .values({ studyId: r.studyId, name: r.name, waveId: r.waveId, rule: r.rule, active: r.active, createdAt: r.now, updatedAt: r.now })
    .returning({ id: recruitmentRules.id });
  return row.id;
}

export async function updateRule(
  db: Db,
  r: { studyId: string; id: string; name: string; waveId: string | null; rule: Record<string, unknown>; active: boolean; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(recruitmentRules)
    .set({ name: r.name, waveId: r.waveId, rule: r.rule, active: r.active, updatedAt: r.now })
    .where(and(eq(recruitmentRules.studyId, r.studyId), eq(recruitmentRules.id, r.id)))
    .returning({ id: recruitmentRules.id });
  return rows.length === 1;
}

/** Active rules of a study that look at this wave (or at any wave). */
export async function listActiveRulesForWave(db: Db, studyId: string, waveId: string): Promise<RuleRow[]> {
  const rows = await executeRows(
    db,
    sql`select ${ruleCols} from recruitment_rules
        where study_id = ${studyId} and active and (wave_id is null or wave_id = ${waveId})
        order by created_at, id`,
  );
  return rows.map(toRule);
}

/**
 * Completed responses that satisfy a rule: the trajectory, the wave, a participant who has not
 * withdrawn, and (optionally) a latest consent row of the kind that is granted.
 */
function matchingResponses(m: RuleMatch, participantId?: string): SQL {
  if (m.trajectories.length === 0) return sql`select null::uuid as participant_id, null::uuid as wave_id where false`;
  return sql`select distinct on (r.participant_id) r.participant_id, r.wave_id
    from responses r
    join participants p on p.id = r.participant_id and p.withdrawn_at is null
    where r.study_id = ${m.studyId} and r.status = 'completed'
      and r.trajectory in (${list(m.trajectories)})
      ${m.waveId ? sql`and r.wave_id = ${m.waveId}` : sql``}
      ${participantId ? sql`and r.participant_id = ${participantId}` : sql``}
      ${m.consent
        ? sql`and ${latestConsentGranted(sql`r.participant_id`, m.consent)} is true`
        : sql``}
    order by r.participant_id, r.completed_at desc nulls last`;
}

/**
 * Flags everyone the rule matches and who is not on the board yet (unique per study and
 * participant, so running it again adds nothing). Returns the participants newly flagged.
 */
export async function flagMatches(db: Db, m: RuleMatch, now: Date, participantId?: string): Promise<string[]> {
  const rows = await executeRows<{ participant_id: string }>(
    db,
    sql`insert into recruitment (study_id, participant_id, rule_id, wave_id, status, flagged_at, updated_at)
        select ${m.studyId}, x.participant_id, ${m.ruleId}, x.wave_id, 'flagged', ${ts(now)}, ${ts(now)}
        from (${matchingResponses(m, participantId)}) x
        on conflict (study_id, participant_id) do nothing
        returning participant_id`,
  );
  return rows.map((r) => r.participant_id);
}

/**
 * Takes back the flags of a rule that no longer match it (rule narrowed or switched off), but
 * only while nobody has acted on them (status still 'flagged').
 */
export async function unflagStale(db: Db, m: RuleMatch, active: boolean): Promise<number> {
  const rows = await executeRows(
    db,
    sql`delete from recruitment rc
        where rc.study_id = ${m.studyId} and rc.rule_id = ${m.ruleId} and rc.status = 'flagged'
          ${active ? sql`and rc.participant_id not in (select x.participant_id from (${matchingResponses(m)}) x)` : sql``}
        returning rc.id`,
  );
  return rows.length;
}

/** A withdrawn person is not on the board: their rows go, whatever their status. */
export async function removeWithdrawnFromBoard(db: Db, studyId: string): Promise<number> {
  const rows = await executeRows(
    db,
    sql`delete from recruitment rc using participants p
        where rc.study_id = ${studyId} and p.id = rc.participant_id and p.withdrawn_at is not null
        returning rc.id`,
  );
  return rows.length;
}

export type BoardEntry = {
  id: string;
  participantId: string;
  code: string;
  status: RecruitmentStatus;
  ruleName: string | null;
  waveName: string | null;
  trajectory: string | null;
  notes: string | null;
  language: string | null;
  hasContact: boolean;
  /** The latest interview-contact consent is still granted. */
  consentGranted: boolean;
  requests: number;
  flaggedAt: Date;
  invitedAt: Date | null;
  agreedAt: Date | null;
  interviewedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
};

const boardSelect = (consentKind: string) => sql`
  select rc.id, rc.participant_id, p.code, rc.status, rr.name as rule_name, w.name as wave_name,
         (select r.trajectory from responses r where r.participant_id = rc.participant_id and r.wave_id = rc.wave_id limit 1) as trajectory,
         rc.notes, c.language, (c.participant_id is not null) as has_contact,
         coalesce(${latestConsentGranted(sql`rc.participant_id`, consentKind)}, false) as consent_granted,
         (select count(*) from outbox o where o.participant_id = rc.participant_id and o.kind = 'interview_request') as requests,
         rc.flagged_at, rc.invited_at, rc.agreed_at, rc.interviewed_at, rc.closed_at, rc.updated_at
  from recruitment rc
  join participants p on p.id = rc.participant_id and p.withdrawn_at is null
  left join contacts c on c.participant_id = rc.participant_id
  left join recruitment_rules rr on rr.id = rc.rule_id
  left join waves w on w.id = rc.wave_id`;

const toEntry = (r: Record<string, unknown>): BoardEntry => ({
  id: r.id as string,
  participantId: r.participant_id as string,
  code: r.code as string,
  status: r.status as RecruitmentStatus,
  ruleName: (r.rule_name as string) ?? null,
  waveName: (r.wave_name as string) ?? null,
  trajectory: (r.trajectory as string) ?? null,
  notes: (r.notes as string) ?? null,
  language: (r.language as string) ?? null,
  hasContact: r.has_contact === true,
  consentGranted: r.consent_granted === true,
  requests: toNumber(r.requests),
  flaggedAt: toDate(r.flagged_at)!,
  invitedAt: toDate(r.invited_at),
  agreedAt: toDate(r.agreed_at),
  interviewedAt: toDate(r.interviewed_at),
  closedAt: toDate(r.closed_at),
  updatedAt: toDate(r.updated_at)!,
});

/** The board of a study (withdrawn people excluded), oldest flag first, optionally one status. */
export async function listBoard(
  db: Db,
  studyId: string,
  o: { status?: RecruitmentStatus; limit: number; consentKind: string },
): Promise<BoardEntry[]> {
  const rows = await executeRows(
    db,
    sql`${boardSelect(o.consentKind)}
        where rc.study_id = ${studyId} ${o.status ? sql`and rc.status = ${o.status}` : sql``}
        order by rc.flagged_at, p.code limit ${o.limit}`,
  );
  return rows.map(toEntry);
}

export async function findBoardEntry(db: Db, studyId: string, id: string, consentKind: string): Promise<BoardEntry | null> {
  const [r] = await executeRows(db, sql`${boardSelect(consentKind)} where rc.study_id = ${studyId} and rc.id = ${id}`);
  return r ? toEntry(r) : null;
}

/** Board size per status (withdrawn people excluded). */
export async function countBoard(db: Db, studyId: string): Promise<Record<string, number>> {
  const rows = await executeRows<{ status: string; n: unknown }>(
    db,
    sql`select rc.status, count(*) as n from recruitment rc
        join participants p on p.id = rc.participant_id and p.withdrawn_at is null
        where rc.study_id = ${studyId} group by rc.status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, toNumber(r.n)]));
}

/**
 * Moves an entry from one status to another (optimistic: only if it is still in `from`) and
 * stamps the date of the step. Returns false when someone else moved it first.
 */
export async function moveBoardEntry(
  db: Db,
  e: {
    studyId: string;
    id: string;
    from: RecruitmentStatus;
    to: RecruitmentStatus;
    notes?: string | null;
    at: Date;
    now: Date;
  },
): Promise<boolean> {
  const stamp =
    e.to === "invited" ? sql`, invited_at = ${ts(e.at)}`
    : e.to === "agreed" ? sql`, agreed_at = ${ts(e.at)}`
    : e.to === "interviewed" ? sql`, interviewed_at = ${ts(e.at)}, closed_at = ${ts(e.at)}`
    : e.to === "declined" || e.to === "no_answer" ? sql`, closed_at = ${ts(e.at)}`
    : sql``;
  const reopen = e.to === "invited" || e.to === "agreed" ? sql`, closed_at = null` : sql``;
  const rows = await executeRows(
    db,
    sql`update recruitment set status = ${e.to}, updated_at = ${ts(e.now)} ${stamp} ${reopen}
          ${e.notes !== undefined ? sql`, notes = ${e.notes}` : sql``}
        where study_id = ${e.studyId} and id = ${e.id} and status = ${e.from}
        returning id`,
  );
  return rows.length === 1;
}

export async function setBoardNotes(db: Db, studyId: string, id: string, notes: string | null, now: Date): Promise<boolean> {
  const rows = await db
    .update(recruitment)
    .set({ notes, updatedAt: now })
    .where(and(eq(recruitment.studyId, studyId), eq(recruitment.id, id)))
    .returning({ id: recruitment.id });
  return rows.length === 1;
}

/** How many rows the recruitment list has (the audit log records it before streaming). */
export async function countRecruitmentList(db: Db, studyId: string, statuses: RecruitmentStatus[] | null): Promise<number> {
  const [r] = await executeRows<{ n: unknown }>(
    db,
    sql`select count(*) as n from recruitment rc join participants p on p.id = rc.participant_id and p.withdrawn_at is null
        where rc.study_id = ${studyId} ${statuses?.length ? sql`and rc.status in (${list(statuses)})` : sql``}`,
  );
  return toNumber(r?.n);
}

export type RecruitmentListRow = {
  id: string;
  participantId: string;
  code: string;
  status: RecruitmentStatus;
  emailEncrypted: string | null;
  language: string | null;
  flaggedAt: Date;
  invitedAt: Date | null;
  agreedAt: Date | null;
  interviewedAt: Date | null;
  closedAt: Date | null;
  notes: string | null;
};

/** One batch of the recruitment list after `afterId` (keyset paging); withdrawn people never appear. */
export async function recruitmentListBatch(
  db: Db,
  studyId: string,
  o: { afterId: string | null; limit: number; statuses: RecruitmentStatus[] | null },
): Promise<RecruitmentListRow[]> {
  const rows = await executeRows(
    db,
    sql`select rc.id, rc.participant_id, p.code, rc.status, c.email_encrypted, c.language, rc.flagged_at, rc.invited_at,
               rc.agreed_at, rc.interviewed_at, rc.closed_at, rc.notes
        from recruitment rc
        join participants p on p.id = rc.participant_id and p.withdrawn_at is null
        left join contacts c on c.participant_id = rc.participant_id
        where rc.study_id = ${studyId}
          ${o.afterId ? sql`and rc.id > ${o.afterId}` : sql``}
          ${o.statuses?.length ? sql`and rc.status in (${list(o.statuses)})` : sql``}
        order by rc.id limit ${o.limit}`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    participantId: r.participant_id as string,
    code: r.code as string,
    status: r.status as RecruitmentStatus,
    emailEncrypted: (r.email_encrypted as string) ?? null,
    language: (r.language as string) ?? null,
    flaggedAt: toDate(r.flagged_at)!,
    invitedAt: toDate(r.invited_at),
    agreedAt: toDate(r.agreed_at),
    interviewedAt: toDate(r.interviewed_at),
    closedAt: toDate(r.closed_at),
    notes: (r.notes as string) ?? null,
  }));
}

export type ParticipantResponseRow = {
  participantId: string;
  waveId: string;
  answers: Record<string, unknown>;
  preload: Record<string, unknown>;
};

/**
 * The responses (any status) of some participants, with the preload of their invitations. With
 * `keys`, only those answers are read out of each response (a response can hold hundreds).
 */
export async function responsesOfParticipants(db: Db, studyId: string, participantIds: string[], keys?: string[]): Promise<ParticipantResponseRow[]> {
  if (participantIds.length === 0) return [];
  const answers = keys ? pickKeys(sql`r.answers`, keys) : sql`r.answers`;
  const rows = await executeRows(
    db,
    sql`select r.participant_id, r.wave_id, ${answers} as answers, coalesce(i.preload, '{}'::jsonb) as preload
        from waves w
        join responses r on r.wave_id = w.id
        left join invitations i on i.id = r.invitation_id
        where w.study_id = ${studyId} and r.participant_id in (${list(participantIds)})`,
  );
  return rows.map((r) => ({ participantId: r.participant_id as string, waveId: r.wave_id as string, answers: toObject(r.answers), preload: toObject(r.preload) }));
}

/** Removes a board entry nobody has worked on yet (its response moved to another participant). */
export async function dropUntouchedFlag(db: Db, participantId: string, waveId: string): Promise<void> {
  await db
    .delete(recruitment)
    .where(and(eq(recruitment.participantId, participantId), eq(recruitment.waveId, waveId), eq(recruitment.status, "flagged")));
}

/** Several board entries of a study by id (withdrawn people are not on the board), in no order. */
export async function findBoardEntries(db: Db, studyId: string, ids: string[], consentKind: string): Promise<BoardEntry[]> {
  if (ids.length === 0) return [];
  const rows = await executeRows(db, sql`${boardSelect(consentKind)} where rc.study_id = ${studyId} and rc.id in (${list(ids)})`);
  return rows.map(toEntry);
}

/** Adds a line at the end of an entry's notes (a bulk step's note), keeping what was there. */
export async function appendBoardNote(db: Db, studyId: string, id: string, line: string, now: Date): Promise<boolean> {
  const rows = await executeRows(
    db,
    sql`update recruitment set notes = case when coalesce(notes, '') = '' then ${line} else notes || E'\n' || ${line} end, updated_at = ${ts(now)}
        where study_id = ${studyId} and id = ${id} returning id`,
  );
  return rows.length === 1;
}

/** The language of a participant's latest response in any wave (the email's first choice), if any. */
export async function lastAnsweredLanguage(db: Db, participantId: string): Promise<string | null> {
  const [r] = await executeRows<{ language: string | null }>(
    db,
    sql`select language from responses where participant_id = ${participantId} order by updated_at desc limit 1`,
  );
  return r?.language ?? null;
}

/**
 * The people described in the interviewees' table: those interviewed, in the order they were
 * interviewed (withdrawn people never appear).
 */
export async function boardPeopleWithStatus(
  db: Db,
  studyId: string,
  status: RecruitmentStatus,
): Promise<{ id: string; participantId: string; code: string; at: Date | null }[]> {
  const rows = await executeRows(
    db,
    sql`select rc.id, rc.participant_id, p.code, coalesce(rc.interviewed_at, rc.agreed_at) as at
        from recruitment rc join participants p on p.id = rc.participant_id and p.withdrawn_at is null
        where rc.study_id = ${studyId} and rc.status = ${status}
        order by coalesce(rc.interviewed_at, rc.agreed_at) nulls last, p.code`,
  );
  return rows.map((r) => ({ id: r.id as string, participantId: r.participant_id as string, code: r.code as string, at: toDate(r.at) }));
}
