// Waves: reading and creating them, scheduling, the target panel, reminders, and fieldwork counts.
import { and, asc, eq, isNull, sql, type SQL, count, inArray } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { instrumentVersions, invitations, waves, responses, studies } from "../schema";
import type { TargetRule, WaveMode, WaveSchedule, WaveStatus } from "../schema/waves";
import { FOLLOW_UP_CONSENT, latestConsentGranted } from "./consents";
import { list, toNumber, ts } from "./raw";

export type WaveRow = typeof waves.$inferSelect;

export async function findWave(db: Db, studyId: string, slugOrId: { slug?: string; id?: string }): Promise<WaveRow | null> {
  const where = slugOrId.id ? eq(waves.id, slugOrId.id) : eq(waves.slug, slugOrId.slug ?? "");
  const [row] = await db.select().from(waves).where(and(eq(waves.studyId, studyId), where)).limit(1);
  return row ?? null;
}

export function listWaves(db: Db, studyId: string) {
  return db
    .select({ id: waves.id, slug: waves.slug, name: waves.name, mode: waves.mode, status: waves.status, opensAt: waves.opensAt, closesAt: waves.closesAt })
    .from(waves)
    .where(eq(waves.studyId, studyId))
    .orderBy(asc(waves.position));
}

export type NewWave = {
  studyId: string;
  slug: string;
  name: string;
  instrumentVersionId: string;
  mode: WaveMode;
  status: WaveStatus;
  /** Default: after the study's last wave. */
  position?: number;
  opensAt?: Date | null;
  closesAt?: Date | null;
  targetRule?: TargetRule | null;
  schedule?: WaveSchedule;
};

/**
 * Inserts a wave (at the end of the study's waves unless a position is given) and locks its
 * instrument version, in one transaction. Null on a taken slug. The one way a wave is created:
 * by the screen and the API (createWave), the demo seed, benchmarks and tests.
 */
export async function insertWave(db: Db, w: NewWave, now: Date): Promise<WaveRow | null> {
  return db.transaction(async (tx) => {
    const position = w.position ?? Number((await tx
      .select({ next: sql<number>`coalesce(max(${waves.position}), 0) + 1` })
      .from(waves)
      .where(eq(waves.studyId, w.studyId)))[0].next);
    const [row] = await tx
      .insert(waves)
      .values({ ...w, position })
      .onConflictDoNothing({ target: [waves.studyId, waves.slug] })
      .returning();
    if (!row) return null;
    await tx
      .update(instrumentVersions)
      .set({ lockedAt: now })
      .where(and(eq(instrumentVersions.id, w.instrumentVersionId), isNull(instrumentVersions.lockedAt)));
    return row;
  });
}

export async function updateWave(db: Db, waveId: string, set: Partial<Pick<WaveRow, "status" | "opensAt" | "closesAt" | "schedule">>) {
  await db.update(waves).set(set).where(eq(waves.id, waveId));
}

/**
 * Changes a wave's settings (an edit before it opens, an extension, a reopening); a newly chosen
 * instrument version is locked as insertWave locks the first. Call inside a transaction.
 */
export async function updateWaveSettings(
  db: Db,
  waveId: string,
  set: Partial<Pick<WaveRow, "name" | "status" | "instrumentVersionId" | "opensAt" | "closesAt" | "targetRule" | "schedule">>,
  now: Date,
): Promise<WaveRow> {
  const [row] = await db.update(waves).set(set).where(eq(waves.id, waveId)).returning();
  if (set.instrumentVersionId) {
    await db
      .update(instrumentVersions)
      .set({ lockedAt: now })
      .where(and(eq(instrumentVersions.id, set.instrumentVersionId), isNull(instrumentVersions.lockedAt)));
  }
  return row;
}

/** What hangs on a wave: its invitations (sent or not), responses, and what else names it. */
export async function waveUsage(db: Db, studyId: string, waveId: string) {
  const [r] = await executeRows<Record<string, unknown>>(
    db,
    sql`select
          (select count(*) from invitations where wave_id = ${waveId}) as invitations,
          (select count(*) from invitations where wave_id = ${waveId} and sent_at is not null) as sent,
          (select count(*) from responses where wave_id = ${waveId}) as responses,
          (select count(*) from waves where study_id = ${studyId} and target_rule->>'completedWaveId' = ${waveId}::text) as later_waves,
          (select count(*) from recruitment_rules where wave_id = ${waveId}) as rules`,
  );
  return {
    invitations: toNumber(r?.invitations),
    sent: toNumber(r?.sent),
    responses: toNumber(r?.responses),
    laterWaves: toNumber(r?.later_waves),
    recruitmentRules: toNumber(r?.rules),
  };
}

/** Deletes a wave; its queued mail, invitations and responses go with it (foreign keys cascade). */
export async function deleteWave(db: Db, studyId: string, waveId: string): Promise<boolean> {
  const rows = await db.delete(waves).where(and(eq(waves.studyId, studyId), eq(waves.id, waveId))).returning({ id: waves.id });
  return rows.length > 0;
}

/** Panel members who have not withdrawn (the panel a target rule chooses from). */
export async function countPanelMembers(db: Db, studyId: string): Promise<number> {
  const [row] = await executeRows<{ n: unknown }>(db, sql`select count(*) as n from participants where study_id = ${studyId} and withdrawn_at is null`);
  return toNumber(row?.n);
}

/** Waves whose status may change now: scheduled ones due to open, open ones due to close. */
export function findWavesToTransition(db: Db, now: Date) {
  return db
    .select()
    .from(waves)
    .where(
      sql`(${waves.status} = 'scheduled' and (${waves.opensAt} <= ${ts(now)} or ${waves.closesAt} <= ${ts(now)}))
          or (${waves.status} = 'open' and ${waves.closesAt} <= ${ts(now)})`,
    );
}

/** Open panel waves that have not reached their closing time. */
export function findOpenPanelWaves(db: Db, now: Date) {
  return db
    .select()
    .from(waves)
    .where(
      sql`${waves.status} = 'open' and ${waves.mode} = 'panel' and (${waves.closesAt} is null or ${waves.closesAt} > ${ts(now)})`,
    );
}

/**
 * The target panel of a rule, as SQL conditions on participants p joined to contacts c: in the
 * study, not withdrawn, with an address that has not bounced, whose latest row of the rule's
 * consent is granted, and (optionally) who completed an earlier wave.
 */
function targetConditions(studyId: string, rule: TargetRule): SQL {
  const consent = rule.consent || FOLLOW_UP_CONSENT;
  const completed = rule.completedWaveId
    ? sql`and exists (select 1 from responses r where r.wave_id = ${rule.completedWaveId} and r.participant_id = p.id and r.status = 'completed')`
    : sql``;
  return sql`p.study_id = ${studyId} and p.withdrawn_at is null and c.bounced_at is null
    and ${latestConsentGranted(sql`p.id`, consent)} is true
    ${completed}`;
}

export async function countTargetPanel(db: Db, studyId: string, rule: TargetRule): Promise<number> {
  const [row] = await executeRows<{ n: unknown }>(
    db,
    sql`select count(*) as n from participants p join contacts c on c.participant_id = p.id where ${targetConditions(studyId, rule)}`,
  );
  return toNumber(row?.n);
}

/**
 * One page of a study's participants in id order after `afterId` (null when none are left).
 * Paging on the primary key alone keeps each batch's cost flat however large the panel is; the
 * conditions are applied to the page afterwards.
 */
async function nextPage(db: Db, table: "participants" | "invitations", scope: SQL, afterId: string | null, limit: number): Promise<string[]> {
  const after = afterId ? sql`and id > ${afterId}` : sql``;
  const rows = await executeRows<{ id: string }>(
    db,
    sql`select id from ${sql.raw(table)} where ${scope} ${after} order by id limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

/**
 * Target participants of a wave who have no invitation yet, with their contact language, among
 * the next page of the study's participants after `afterId`. Returns the page's last id as the
 * cursor (null when the panel has been read to the end).
 */
export async function findUninvitedTargets(
  db: Db,
  wave: { id: string; studyId: string; targetRule: TargetRule | null },
  page: { afterId: string | null; limit: number },
): Promise<{ targets: { id: string; language: string }[]; lastId: string | null }> {
  const ids = await nextPage(db, "participants", sql`study_id = ${wave.studyId}`, page.afterId, page.limit);
  if (ids.length === 0) return { targets: [], lastId: null };
  const targets = await executeRows<{ id: string; language: string }>(
    db,
    sql`select p.id, c.language from participants p join contacts c on c.participant_id = p.id
        where p.id in (${list(ids)}) and ${targetConditions(wave.studyId, wave.targetRule ?? {})}
          and not exists (select 1 from invitations i where i.wave_id = ${wave.id} and i.participant_id = p.id)`,
  );
  return { targets, lastId: ids[ids.length - 1] };
}

/**
 * A fingerprint of everything a target rule reads (consents, contacts, withdrawals, and the
 * completions of the rule's earlier wave): when it has not changed since the last full scan of the
 * panel, that scan need not run again. Counts change on every insert or delete, so back-dated rows
 * are noticed too.
 */
export async function panelFingerprint(db: Db, studyId: string, completedWaveId?: string): Promise<string> {
  const [r] = await executeRows<Record<string, unknown>>(
    db,
    sql`select
          (select count(*) || '/' || coalesce(max(recorded_at)::text, '') from consents where study_id = ${studyId}) as consents,
          (select count(*) || '/' || count(bounced_at) || '/' || coalesce(max(updated_at)::text, '') from contacts where study_id = ${studyId}) as contacts,
          (select count(*) || '/' || count(withdrawn_at) from participants where study_id = ${studyId}) as participants,
          ${completedWaveId ? sql`(select count(*)::text from responses where wave_id = ${completedWaveId} and status = 'completed')` : sql`''`} as completed`,
  );
  return [r.consents, r.contacts, r.participants, r.completed].join("|");
}

/**
 * Queues reminder `number` (or the closing reminder) for a batch of invitations that are due:
 * sent at or before `sentBefore`, not yet reminded this far, not bounced or opted out, whose
 * person has not started (or not completed) and is not withdrawn. The reminder count on the
 * invitation and the outbox's unique key both keep it to one message. Looks at the next page of
 * the wave's invitations after `afterId`; returns how many were queued and the page's last id
 * (null when all have been looked at).
 */
export async function queueReminderBatch(
  db: Db,
  wave: { id: string; studyId: string; consent: string; remindIf: "not_started" | "not_completed" },
  r: { kind: "reminder" | "closing_reminder"; number: number; sentBefore: Date; now: Date; limit: number; afterId: string | null },
): Promise<{ queued: number; lastId: string | null }> {
  const statuses = wave.remindIf === "not_started" ? sql`('sent', 'opened')` : sql`('sent', 'opened', 'started')`;
  // The page already skips invitations that cannot be due (cheap column tests), so once everyone
  // has had a reminder a run costs one index scan.
  const scope = sql`wave_id = ${wave.id} and sent_at <= ${ts(r.sentBefore)} and status in ${statuses}
    ${r.kind === "reminder" ? sql`and reminder_count < ${r.number}` : sql``}`;
  const ids = await nextPage(db, "invitations", scope, r.afterId, r.limit);
  if (ids.length === 0) return { queued: 0, lastId: null };
  const response = wave.remindIf === "not_started" ? sql`` : sql`and r.status = 'completed'`;
  const keyTail = r.kind === "reminder" ? `:reminder:${r.number}` : ":closing_reminder:0";
  const notYet =
    r.kind === "reminder"
      ? sql`i.reminder_count < ${r.number}`
      : sql`not exists (select 1 from outbox o where o.idempotency_key = 'inv:' || i.wave_id::text || ':' || i.participant_id::text || ${keyTail})`;
  const data = JSON.stringify({ consentKind: wave.consent });
  const rows = await executeRows(
    db,
    sql`with due as (
          select i.id, i.participant_id, c.language
          from invitations i
          join participants p on p.id = i.participant_id
          join contacts c on c.participant_id = i.participant_id
          where i.id in (${list(ids)})
            and i.sent_at is not null and i.sent_at <= ${ts(r.sentBefore)}
            and i.status in ${statuses} and ${notYet}
            and p.withdrawn_at is null and c.bounced_at is null
            and not exists (select 1 from responses r where r.wave_id = i.wave_id and r.participant_id = i.participant_id ${response})
        ), ins as (
          insert into outbox (study_id, wave_id, participant_id, kind, number, template, language, data, idempotency_key, status, next_attempt_at)
          select ${wave.studyId}, ${wave.id}, due.participant_id, ${r.kind}, ${r.number}, 'reminder', due.language, ${data}::jsonb,
                 'inv:' || ${wave.id}::text || ':' || due.participant_id::text || ${keyTail}, 'pending', ${ts(r.now)}
          from due
          on conflict (idempotency_key) do nothing
          returning participant_id
        )
        update invitations set reminder_count = greatest(reminder_count, ${r.kind === "reminder" ? r.number : 0})
        from due where invitations.id = due.id
        returning invitations.id`,
  );
  return { queued: rows.length, lastId: ids[ids.length - 1] };
}

export type WaveTotals = { invited: number; delivered: number; bounced: number; optedOut: number; started: number; completed: number };

export type WaveDay = { day: string; delivered: number; reminded: number; bounced: number; optedOut: number; started: number; completed: number };

/** Fieldwork counts of one wave, in total and by day (days in the given time zone). */
export async function waveFieldwork(db: Db, studyId: string, waveId: string, timeZone: string): Promise<{ totals: WaveTotals; days: WaveDay[] }> {
  const [inv] = await executeRows<Record<string, unknown>>(
    db,
    sql`select count(*) as invited,
               count(*) filter (where sent_at is not null) as delivered,
               count(*) filter (where status = 'bounced') as bounced,
               count(*) filter (where status = 'opted_out') as opted_out
        from invitations where study_id = ${studyId} and wave_id = ${waveId}`,
  );
  const [resp] = await executeRows<Record<string, unknown>>(
    db,
    sql`select count(*) as started, count(*) filter (where status = 'completed') as completed
        from responses where study_id = ${studyId} and wave_id = ${waveId}`,
  );
  const day = (col: SQL) => sql`to_char((${col}) at time zone ${timeZone}, 'YYYY-MM-DD')`;
  const rows = await executeRows<Record<string, unknown>>(
    db,
    sql`select day, sum(delivered) as delivered, sum(reminded) as reminded, sum(bounced) as bounced,
               sum(opted_out) as opted_out, sum(started) as started, sum(completed) as completed
        from (
          select ${day(sql`sent_at`)} as day, 1 as delivered, 0 as reminded, 0 as bounced, 0 as opted_out, 0 as started, 0 as completed
            from invitations where study_id = ${studyId} and wave_id = ${waveId} and sent_at is not null
          union all
          select ${day(sql`sent_at`)}, 0, 1, 0, 0, 0, 0
            from outbox where study_id = ${studyId} and wave_id = ${waveId} and kind in ('reminder', 'closing_reminder') and status = 'sent'
          union all
          select ${day(sql`c.bounced_at`)}, 0, 0, 1, 0, 0, 0
            from invitations i join contacts c on c.participant_id = i.participant_id
            where i.study_id = ${studyId} and i.wave_id = ${waveId} and i.status = 'bounced' and c.bounced_at is not null
          union all
          select ${day(sql`(select max(cs.recorded_at) from consents cs where cs.participant_id = i.participant_id and cs.granted = false)`)}, 0, 0, 0, 1, 0, 0
            from invitations i where i.study_id = ${studyId} and i.wave_id = ${waveId} and i.status = 'opted_out'
          union all
          select ${day(sql`started_at`)}, 0, 0, 0, 0, 1, 0 from responses where study_id = ${studyId} and wave_id = ${waveId}
          union all
          select ${day(sql`completed_at`)}, 0, 0, 0, 0, 0, 1 from responses where study_id = ${studyId} and wave_id = ${waveId} and completed_at is not null
        ) e
        where day is not null
        group by day order by day`,
  );
  return {
    totals: {
      invited: toNumber(inv?.invited),
      delivered: toNumber(inv?.delivered),
      bounced: toNumber(inv?.bounced),
      optedOut: toNumber(inv?.opted_out),
      started: toNumber(resp?.started),
      completed: toNumber(resp?.completed),
    },
    days: rows.map((r) => ({
      day: String(r.day),
      delivered: toNumber(r.delivered),
      reminded: toNumber(r.reminded),
      bounced: toNumber(r.bounced),
      optedOut: toNumber(r.opted_out),
      started: toNumber(r.started),
      completed: toNumber(r.completed),
    })),
  };
}

/** What a respondent page needs of its wave's study and questionnaire version (joined). */
export const respondentPageColumns = {
  languages: studies.languages,
  defaultLanguage: studies.defaultLanguage,
  contactName: studies.contactName,
  contactEmail: studies.contactEmail,
  studySettings: studies.settings,
  // The study's name and texts per language: pages print them in the page's language (studyText).
  studyName: studies.name,
  studyTexts: studies.texts,
};

/** A respondent page's wave, study and questionnaire version, as a link or an open-link start reads them. */
export const respondentWaveColumns = {
  waveId: waves.id,
  waveStatus: waves.status,
  waveMode: waves.mode,
  opensAt: waves.opensAt,
  closesAt: waves.closesAt,
  studyId: studies.id,
  studySlug: studies.slug,
  ...respondentPageColumns,
  // Only the version's id: its definition is parsed once per version and read again only on a
  // cache miss (loadDefinition), not sent with every page's query.
  instrumentVersionId: waves.instrumentVersionId,
};

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
      ...respondentPageColumns,
      instrumentVersionId: waves.instrumentVersionId,
    })
    .from(waves)
    .innerJoin(studies, eq(studies.id, waves.studyId))
    .where(and(eq(studies.slug, studySlug), eq(waves.slug, waveSlug)))
    .limit(1);
  return row ?? null;
}

/** An open-link wave by id, with what its first page needs before anyone is stored for it. */
export async function findOpenLinkWave(db: Db, waveId: string) {
  const [row] = await db
    .select({
      waveSlug: waves.slug,
      ...respondentWaveColumns,
    })
    .from(waves)
    .innerJoin(studies, eq(studies.id, waves.studyId))
    .where(and(eq(waves.id, waveId), eq(waves.mode, "open_link")))
    .limit(1);
  return row ?? null;
}

/** Each wave of a study with live response counts. */
export async function listWavesWithCounts(db: Db, studyId: string) {
  const rows = await db
    .select({
      id: waves.id,
      slug: waves.slug,
      name: waves.name,
      mode: waves.mode,
      status: waves.status,
      opensAt: waves.opensAt,
      closesAt: waves.closesAt,
      position: waves.position,
    })
    .from(waves)
    .where(eq(waves.studyId, studyId))
    .orderBy(asc(waves.position));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .select({
      waveId: responses.waveId,
      started: count(),
      completed: sql<number>`count(*) filter (where ${responses.status} = 'completed')`,
    })
    .from(responses)
    .where(and(eq(responses.studyId, studyId), inArray(responses.waveId, ids)))
    .groupBy(responses.waveId);
  const invited = await db
    .select({ waveId: invitations.waveId, n: count() })
    .from(invitations)
    .where(and(eq(invitations.studyId, studyId), inArray(invitations.waveId, ids)))
    .groupBy(invitations.waveId);
  return rows.map((w) => {
    const c = counts.find((x) => x.waveId === w.id);
    return {
      ...w,
      started: Number(c?.started ?? 0),
      completed: Number(c?.completed ?? 0),
      invited: Number(invited.find((x) => x.waveId === w.id)?.n ?? 0),
    };
  });
}

/**
 * When the study's next panel wave opens for this participant: a scheduled wave opening after
 * `now` that invites them, or that has invited nobody yet (its targets are decided when it opens).
 * Null when none is scheduled. For the completion page's "what happens next".
 */
export async function findNextWaveOpening(db: Db, o: { studyId: string; participantId: string; now: Date }): Promise<Date | null> {
  const rows = await executeRows<{ opens_at: Date | string }>(
    db,
    sql`select w.opens_at from waves w
        where w.study_id = ${o.studyId} and w.mode = 'panel' and w.status = 'scheduled' and w.opens_at > ${ts(o.now)}
          and (exists (select 1 from invitations i where i.wave_id = w.id and i.participant_id = ${o.participantId})
               or not exists (select 1 from invitations i where i.wave_id = w.id))
        order by w.opens_at limit 1`,
  );
  return rows[0] ? new Date(rows[0].opens_at) : null;
}
