// The outbox: queue, claim, and record the outcome of every email. See docs/outbox.md.
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { outbox } from "../schema";
import type { StudyTexts } from "../schema/studies";
import { toDate, toNumber } from "./raw";
import { latestConsentGranted } from "./consents";
import { preparedSql, preparedStatement } from "./prepared";

// The drain's statements (claim, context, marks) are named prepared statements: one round trip
// each on the PostgreSQL server instead of two (db/queries/prepared.ts). Lists of ids are one
// array parameter, so a statement's text never depends on the batch size. Timestamps are ISO
// strings cast in SQL; arrays of them are text[] cast to timestamptz[] (drizzle hands postgres.js
// timestamptz[] parameters through unserialized).

export type OutboxInsert = {
  studyId?: string | null;
  waveId?: string | null;
  participantId?: string | null;
  userId?: string | null;
  kind: string;
  number?: number;
  template: string;
  language: string;
  data?: Record<string, unknown>;
  idempotencyKey: string;
  nextAttemptAt: Date;
};

/** Inserts messages; one whose idempotency key exists is skipped. Returns how many were new. */
export async function insertOutbox(db: Db, rows: OutboxInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(outbox)
    .values(rows.map((r) => ({ ...r, number: r.number ?? 0, data: r.data ?? {}, status: "pending" as const })))
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  return inserted.length;
}

export type ClaimedMessage = {
  id: number;
  studyId: string | null;
  waveId: string | null;
  participantId: string | null;
  userId: string | null;
  kind: string;
  number: number;
  template: string;
  language: string;
  data: Record<string, unknown>;
  attempts: number;
  lockedUntil: Date;
};

const claimStatement = preparedSql(
  "outbox.claim",
  // Raw SQL: the claim is a FOR UPDATE SKIP LOCKED select feeding the update, which the builder cannot say.
  () => sql`with due as (
          select id from outbox
          where status = 'pending' and next_attempt_at <= ${sql.placeholder("now")}::timestamptz
          order by next_attempt_at, id
          limit ${sql.placeholder("limit")}
          for update skip locked
        )
        update outbox o set status = 'sending', locked_until = ${sql.placeholder("leaseUntil")}::timestamptz
        from due where o.id = due.id
        returning o.id, o.study_id, o.wave_id, o.participant_id, o.user_id, o.kind, o.number, o.template,
                  o.language, o.data, o.attempts, o.locked_until`,
);

/**
 * Claims up to `limit` due messages for this worker: pending, next_attempt_at reached. Rows that
 * another worker holds are skipped (FOR UPDATE SKIP LOCKED), so concurrent claimers never share
 * a row. Claimed rows are 'sending' until `leaseUntil`.
 */
export async function claimDueOutbox(db: Db, opts: { now: Date; leaseUntil: Date; limit: number }): Promise<ClaimedMessage[]> {
  const rows = await claimStatement(db).execute({ now: opts.now.toISOString(), leaseUntil: opts.leaseUntil.toISOString(), limit: opts.limit });
  return rows
    .map((r) => ({
      id: toNumber(r.id),
      studyId: (r.study_id as string) ?? null,
      waveId: (r.wave_id as string) ?? null,
      participantId: (r.participant_id as string) ?? null,
      userId: (r.user_id as string) ?? null,
      kind: r.kind as string,
      number: toNumber(r.number),
      template: r.template as string,
      language: r.language as string,
      data: (r.data as Record<string, unknown>) ?? {},
      attempts: toNumber(r.attempts),
      lockedUntil: toDate(r.locked_until)!,
    }))
    .sort((a, b) => a.id - b.id);
}

const reclaimStatement = preparedSql(
  "outbox.reclaim-stale",
  () => sql`update outbox set
          status = case when attempts + 1 >= ${sql.placeholder("maxAttempts")}::int then 'failed' else 'pending' end,
          attempts = attempts + 1,
          next_attempt_at = ${sql.placeholder("now")}::timestamptz,
          locked_until = null,
          last_error = 'lease expired: the worker stopped before recording the outcome (it may have been delivered)'
        where status = 'sending' and locked_until < ${sql.placeholder("now")}::timestamptz
        returning id`,
);

/**
 * Returns 'sending' rows whose lease ran out (their worker died or hung) to 'pending', counting
 * the lost try as an attempt; past maxAttempts they become 'failed'. The message may already have
 * been accepted by the SMTP server: this is the at-least-once window (docs/outbox.md).
 */
export async function reclaimStaleOutbox(db: Db, now: Date, maxAttempts: number): Promise<number> {
  const rows = await reclaimStatement(db).execute({ now: now.toISOString(), maxAttempts });
  return rows.length;
}

export type DeliveryRow = {
  id: number;
  /**
   * The address to send to: the contacts row's (the participant's current working address), or,
   * for a message queued to one contact point (data.contactPointId: a confirmation link, lost
   * links), that point's. Then bouncedAt is the point's and pointState its state.
   */
  emailEncrypted: string | null;
  emailHash: string | null;
  pointState: string | null;
  contactLanguage: string | null;
  /** The language of the participant's latest response in any wave, if any. */
  answeredLanguage: string | null;
  answeredAt: Date | null;
  /** The language the person chose on My details, and when. */
  chosenLanguage: string | null;
  chosenLanguageAt: Date | null;
  /** For a "Was this you?" message: whether its request can still be answered. */
  linkRequestOpen: boolean | null;
  bouncedAt: Date | null;
  participantExists: boolean;
  withdrawnAt: Date | null;
  invitationId: string | null;
  invitationStatus: string | null;
  waveStatus: string | null;
  waveClosesAt: Date | null;
  waveSchedule: Record<string, unknown> | null;
  studyName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  studySettings: Record<string, unknown> | null;
  studyTexts: Record<string, StudyTexts>;
  studyDefaultLanguage: string | null;
  responseStatus: string | null;
  consentGranted: boolean | null;
  userEmail: string | null;
  userName: string | null;
  /** For interview mail: the booking's current sequence and whether it is cancelled (null: no booking). */
  bookingSequence: number | null;
  bookingCancelled: boolean | null;
};

const deliveryContextStatement = preparedSql(
  "outbox.delivery-context",
  () => sql`select o.id,
               case when o.data ? 'contactPointId' then cpt.value_encrypted else c.email_encrypted end as email_encrypted,
               case when o.data ? 'contactPointId' then cpt.value_hash else c.email_hash end as email_hash,
               case when o.data ? 'contactPointId' then cpt.bounced_at else c.bounced_at end as bounced_at,
               cpt.state as point_state, c.language as contact_language,
               pd.language as chosen_language, pd.language_set_at as chosen_language_at,
               ans.language as answered_language, ans.updated_at as answered_at,
               (select uc.confirmed_at is null and uc.rejected_at is null and uc.expires_at > now()
                  from unverified_contacts uc where uc.id::text = o.data->>'requestId') as link_request_open,
               (p.id is not null) as participant_exists, p.withdrawn_at,
               i.id as invitation_id, i.status as invitation_status,
               w.status as wave_status, w.closes_at, w.schedule,
               s.name as study_name, s.contact_name, s.contact_email, s.settings, s.texts as study_texts, s.default_language,
               r.status as response_status,
               ${latestConsentGranted(sql`o.participant_id`, sql`o.data->>'consentKind'`)} as consent_granted,
               u.email as user_email, u.name as user_name,
               b.sequence as booking_sequence, (b.cancelled_at is not null) as booking_cancelled
        from outbox o
        left join participants p on p.id = o.participant_id
        left join contacts c on c.participant_id = o.participant_id
        left join contact_points cpt on o.data ? 'contactPointId' and cpt.id::text = o.data->>'contactPointId'
          and cpt.participant_id = o.participant_id and cpt.kind = 'email'
        left join participant_details pd on pd.participant_id = o.participant_id
        left join lateral (select ra.language, ra.updated_at from responses ra where ra.participant_id = o.participant_id
                           order by ra.updated_at desc limit 1) ans on true
        left join invitations i on i.wave_id = o.wave_id and i.participant_id = o.participant_id
        left join waves w on w.id = o.wave_id
        left join studies s on s.id = o.study_id
        left join responses r on r.wave_id = o.wave_id and r.participant_id = o.participant_id
        left join users u on u.id = o.user_id
        left join interview_bookings b on b.id::text = o.data->>'bookingId'
        where o.id = any(${sql.placeholder("ids")}::bigint[])`,
);

/** Everything needed to decide on and build each claimed message, read in one query. */
export async function loadDeliveryContext(db: Db, ids: number[]): Promise<Map<number, DeliveryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await deliveryContextStatement(db).execute({ ids });
  const map = new Map<number, DeliveryRow>();
  for (const r of rows) {
    map.set(toNumber(r.id), {
      id: toNumber(r.id),
      emailEncrypted: (r.email_encrypted as string) ?? null,
      emailHash: (r.email_hash as string) ?? null,
      pointState: (r.point_state as string) ?? null,
      answeredAt: toDate(r.answered_at),
      chosenLanguage: (r.chosen_language as string) ?? null,
      chosenLanguageAt: toDate(r.chosen_language_at),
      contactLanguage: (r.contact_language as string) ?? null,
      answeredLanguage: (r.answered_language as string) ?? null,
      linkRequestOpen: r.link_request_open === null || r.link_request_open === undefined ? null : r.link_request_open === true,
      bouncedAt: toDate(r.bounced_at),
      participantExists: r.participant_exists === true,
      withdrawnAt: toDate(r.withdrawn_at),
      invitationId: (r.invitation_id as string) ?? null,
      invitationStatus: (r.invitation_status as string) ?? null,
      waveStatus: (r.wave_status as string) ?? null,
      waveClosesAt: toDate(r.closes_at),
      waveSchedule: (r.schedule as Record<string, unknown>) ?? null,
      studyName: (r.study_name as string) ?? null,
      contactName: (r.contact_name as string) ?? null,
      contactEmail: (r.contact_email as string) ?? null,
      studySettings: (r.settings as Record<string, unknown>) ?? null,
      studyTexts: (r.study_texts as Record<string, StudyTexts>) ?? {},
      studyDefaultLanguage: (r.default_language as string) ?? null,
      responseStatus: (r.response_status as string) ?? null,
      consentGranted: r.consent_granted === null || r.consent_granted === undefined ? null : r.consent_granted === true,
      userEmail: (r.user_email as string) ?? null,
      userName: (r.user_name as string) ?? null,
      bookingSequence: r.booking_sequence === null || r.booking_sequence === undefined ? null : toNumber(r.booking_sequence),
      bookingCancelled: r.booking_sequence === null || r.booking_sequence === undefined ? null : r.booking_cancelled === true,
    });
  }
  return map;
}

const markSentStatement = preparedSql(
  "outbox.mark-sent",
  // Raw SQL: one update for the whole group, joined to its arrays, with synchronous_commit off.
  () => sql`with nosync as (select set_config('synchronous_commit', 'off', true))
        update outbox o set status = 'sent', sent_at = v.at, attempts = o.attempts + 1,
               provider_message_id = v.pid, locked_until = null, last_error = null,
               data = case when o.data ? 'secretUrl' then o.data - 'secretUrl' else o.data end
        from nosync, unnest(${sql.placeholder("ids")}::bigint[], ${sql.placeholder("pids")}::text[],
                            ${sql.placeholder("ats")}::text[]::timestamptz[]) as v(id, pid, at)
        where o.id = v.id and o.status <> 'sent'`,
);

/**
 * Records accepted messages. The sender calls it as soon as the SMTP server accepts a message;
 * messages accepted while the previous call is still running are recorded together in the next one
 * (group commit), so the at-least-once window stays one round trip wide under any load.
 * synchronous_commit is off for this statement only: the mark does not wait for the WAL flush. A
 * database crash can lose the last moments of marks, and those messages go again once (the same
 * window as a worker crash); an app crash loses nothing. Secret links kept for staff mail
 * (data.secretUrl) are dropped once sent.
 */
export async function markOutboxSent(db: Db, sent: { id: number; providerMessageId: string; at: Date }[]): Promise<void> {
  if (sent.length === 0) return;
  await markSentStatement(db).execute({
    ids: sent.map((m) => m.id),
    pids: sent.map((m) => m.providerMessageId),
    ats: sent.map((m) => m.at.toISOString()),
  });
}

const markRetryStatement = preparedStatement("outbox.mark-retry", (db, name) =>
  db
    .update(outbox)
    .set({
      status: sql`${sql.placeholder("status")}`,
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: sql`${sql.placeholder("nextAttemptAt")}::timestamptz`,
      lockedUntil: null,
      lastError: sql`${sql.placeholder("error")}`,
    })
    .where(and(eq(outbox.id, sql.placeholder("id")), eq(outbox.status, "sending")))
    .prepare(name),
);

/** A temporary failure: try again at nextAttemptAt, or give up ('failed') past the last attempt. */
export async function markOutboxRetry(
  db: Db,
  id: number,
  opts: { nextAttemptAt: Date; error: string; giveUp: boolean },
): Promise<void> {
  await markRetryStatement(db).execute({
    id,
    status: opts.giveUp ? "failed" : "pending",
    nextAttemptAt: opts.nextAttemptAt.toISOString(),
    error: opts.error.slice(0, 1000),
  });
}

const markFailedStatement = preparedStatement("outbox.mark-failed", (db, name) =>
  db
    .update(outbox)
    .set({ status: "failed", attempts: sql`${outbox.attempts} + 1`, lockedUntil: null, lastError: sql`${sql.placeholder("error")}` })
    .where(and(eq(outbox.id, sql.placeholder("id")), eq(outbox.status, "sending")))
    .prepare(name),
);

/** A permanent failure of this message only (the address is not to blame). */
export async function markOutboxFailed(db: Db, id: number, error: string): Promise<void> {
  await markFailedStatement(db).execute({ id, error: error.slice(0, 1000) });
}

const markCancelledStatement = preparedStatement("outbox.mark-cancelled", (db, name) =>
  db
    .update(outbox)
    .set({ status: "cancelled", lockedUntil: null, lastError: sql`${sql.placeholder("reason")}` })
    .where(and(eq(outbox.id, sql.placeholder("id")), inArray(outbox.status, ["sending", "pending"])))
    .prepare(name),
);

/** Not sent, on purpose (withdrawn, erased, opted out, wave closed…). */
export async function markOutboxCancelled(db: Db, id: number, reason: string): Promise<void> {
  await markCancelledStatement(db).execute({ id, reason });
}

const releaseStatement = preparedStatement("outbox.release", (db, name) =>
  db
    .update(outbox)
    .set({ status: "pending", lockedUntil: null, nextAttemptAt: sql`${sql.placeholder("nextAttemptAt")}::timestamptz` })
    .where(and(sql`${outbox.id} = any(${sql.placeholder("ids")}::bigint[])`, eq(outbox.status, "sending")))
    .prepare(name),
);

/** Gives claimed rows back untouched (the batch stopped early); due again at nextAttemptAt. */
export async function releaseClaimedOutbox(db: Db, ids: number[], nextAttemptAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await releaseStatement(db).execute({ ids, nextAttemptAt: nextAttemptAt.toISOString() });
}

/** Cancels every message still waiting for a participant (withdrawal, opt-out). */
export async function cancelPendingForParticipant(db: Db, participantId: string, reason: string): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: "cancelled", lastError: reason })
    .where(and(eq(outbox.participantId, participantId), eq(outbox.status, "pending")))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Cancels a wave's waiting invitations and reminders (the wave closed). */
export async function cancelPendingForWave(db: Db, waveId: string, reason: string): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: "cancelled", lastError: reason })
    .where(and(eq(outbox.waveId, waveId), eq(outbox.status, "pending"), inArray(outbox.kind, ["invitation", "reminder", "closing_reminder"])))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Whether any message to the participant is still waiting or in flight. */
export async function hasMailInFlight(db: Db, participantId: string): Promise<boolean> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.participantId, participantId), inArray(outbox.status, ["pending", "sending"])))
    .limit(1);
  return rows.length > 0;
}

/** Counts by status (dashboards, tests). */
export async function countOutboxByStatus(db: Db, filter: { waveId?: string } = {}): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .where(filter.waveId ? eq(outbox.waveId, filter.waveId) : undefined)
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, toNumber(r.n)]));
}

/** A staff user's own message by its idempotency key (a test send), or null. */
export async function findUserOutboxMessage(db: Db, userId: string, idempotencyKey: string) {
  const [row] = await db
    .select({ id: outbox.id, studyId: outbox.studyId, template: outbox.template, language: outbox.language, data: outbox.data, status: outbox.status, createdAt: outbox.createdAt, sentAt: outbox.sentAt, lastError: outbox.lastError })
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.idempotencyKey, idempotencyKey)))
    .limit(1);
  return row ?? null;
}
