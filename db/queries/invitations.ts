// Invitations: resolving a link, open-link starts, progress, opt-out, marking them sent, and
// creating them with their invitation mail (in the same transaction as the outbox rows).
import { and, eq, sql, type SQL } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { invitations, outbox, waves, contacts, participants, responses, studies } from "../schema";
import { insertOutbox, type OutboxInsert } from "./outbox";
import { responseColumns } from "./responses";
import { respondentWaveColumns } from "./waves";
import { invitationRank } from "./invitation-rank";
import { preparedSql, preparedStatement } from "./prepared";

/**
 * Marks invitations 'sent' (with the send time) whose invitation email went out: for the given
 * outbox rows after a batch, or for a whole wave (the reconcile run repairs what a worker that
 * died between the two steps left behind). Idempotent.
 */
export async function markInvitationsSent(db: Db, scope: { outboxIds: number[] } | { waveId: string }): Promise<number> {
  if ("outboxIds" in scope) {
    if (scope.outboxIds.length === 0) return 0;
    // Once per outbox batch: prepared, the ids one array parameter.
    return (await markSentByOutboxIds(db).execute({ ids: scope.outboxIds })).length;
  }
  const rows = await executeRows(db, markSentSql(sql`o.wave_id = ${scope.waveId} and i.sent_at is null`));
  return rows.length;
}

const markSentSql = (where: SQL) => sql`update invitations i set
      status = case when i.status = 'pending' then 'sent' else i.status end,
      sent_at = coalesce(i.sent_at, o.sent_at)
    from outbox o
    where ${where} and o.kind = 'invitation' and o.status = 'sent'
      and i.wave_id = o.wave_id and i.participant_id = o.participant_id
    returning i.id`;

const markSentByOutboxIds = preparedSql("invitations.mark-sent", () => markSentSql(sql`o.id = any(${sql.placeholder("ids")}::bigint[])`));

/** Open invitations (not completed, not bounced) of the participant become 'opted_out'. */
export async function optOutInvitations(db: Db, participantId: string): Promise<number> {
  const rows = await executeRows(
    db,
    sql`update invitations set status = 'opted_out'
        where participant_id = ${participantId} and status in ('pending', 'sent', 'opened', 'started')
        returning id`,
  );
  return rows.length;
}

/** The language of a participant's latest response in any wave (their study's), or null. */
const lastAnsweredLanguage = sql<string | null>`(select r2.language from responses r2
  where r2.participant_id = ${invitations.participantId} order by r2.updated_at desc limit 1)`;

const lastAnsweredAt = sql<string | null>`(select max(r3.updated_at)::text from responses r3 where r3.participant_id = ${invitations.participantId})`;
/** The language the person chose on My details, and when (participant_details). */
const chosenLanguage = sql<string | null>`(select pd.language from participant_details pd where pd.participant_id = ${invitations.participantId})`;
const chosenLanguageAt = sql<string | null>`(select pd.language_set_at::text from participant_details pd where pd.participant_id = ${invitations.participantId})`;

/**
 * Everything a personal link leads to, by the SHA-256 of its token: one prepared statement on
 * every respondent GET and POST (planned once per connection; see prepared.ts).
 */
const invitationContext = preparedStatement("invitation_context", (db, name) =>
  db
    .select({
      invitationId: invitations.id,
      invitationStatus: invitations.status,
      preload: invitations.preload,
      participantId: invitations.participantId,
      withdrawnAt: participants.withdrawnAt,
      ...respondentWaveColumns,
      statusVariable: studies.statusVariable,
      statusMapping: studies.statusMapping,
      lastAnsweredLanguage,
      lastAnsweredAt,
      chosenLanguage,
      chosenLanguageAt,
      recordedLanguage: contacts.language,
      hasContact: sql<boolean>`${contacts.participantId} is not null`,
      // Whether completing can put anyone on the recruitment board (lib/recruitment/flag-on-completion.ts).
      hasActiveRules: sql<boolean>`exists (select 1 from recruitment_rules rr where rr.study_id = ${invitations.studyId} and rr.active)`,
      response: responseColumns,
    })
    .from(invitations)
    .innerJoin(waves, eq(waves.id, invitations.waveId))
    .innerJoin(studies, eq(studies.id, invitations.studyId))
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .leftJoin(responses, and(eq(responses.waveId, invitations.waveId), eq(responses.participantId, invitations.participantId)))
    .leftJoin(contacts, eq(contacts.participantId, invitations.participantId))
    .where(eq(invitations.tokenHash, sql.placeholder("tokenHash")))
    .limit(1)
    .prepare(name),
);

export async function findInvitationContext(db: Db, tokenHash: string) {
  const [row] = await invitationContext(db).execute({ tokenHash });
  return row ?? null;
}

export type InvitationContext = NonNullable<Awaited<ReturnType<typeof findInvitationContext>>>;

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

/** Only forward: opened < started < completed; terminal statuses stay. Prepared (the first GET of every link). */
const invitationProgress = preparedSql("invitation_progress", () => {
  const P = (n: string) => sql.placeholder(n);
  return sql`update invitations set status = ${P("status")}::text,
      opened_at = case when ${P("status")}::text = 'opened' then ${P("now")}::timestamptz else opened_at end,
      started_at = case when ${P("status")}::text = 'started' then ${P("now")}::timestamptz else started_at end,
      completed_at = case when ${P("status")}::text = 'completed' then ${P("now")}::timestamptz else completed_at end
    where id = ${P("id")}::uuid
      and ${invitationRank(sql`status`)} < ${invitationRank(sql`${P("status")}::text`)}`;
});

export async function setInvitationProgress(
  db: Db,
  invitationId: string,
  status: "opened" | "started" | "completed",
  now: Date,
) {
  await invitationProgress(db).execute({ id: invitationId, status, now: now.toISOString() });
}

/**
 * Creates invitations (unique per wave and participant; only the token's hash is stored) and
 * queues their invitation emails, in one transaction. Returns how many invitations were new.
 */
export async function insertInvitationsWithMail(
  db: Db,
  rows: { id: string; participantId: string; tokenHash: string; language: string; preload?: Record<string, unknown> }[],
  wave: { id: string; studyId: string; consent: string },
  sendAt: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(invitations)
      .values(rows.map((r) => ({ id: r.id, waveId: wave.id, studyId: wave.studyId, participantId: r.participantId, tokenHash: r.tokenHash, preload: r.preload ?? {} })))
      .onConflictDoNothing()
      .returning({ participantId: invitations.participantId });
    const lang = new Map(rows.map((r) => [r.participantId, r.language]));
    const mail: OutboxInsert[] = inserted.map((i) => ({
      studyId: wave.studyId,
      waveId: wave.id,
      participantId: i.participantId,
      kind: "invitation",
      number: 0,
      template: "invitation",
      language: lang.get(i.participantId) ?? "en",
      data: { consentKind: wave.consent },
      idempotencyKey: `inv:${wave.id}:${i.participantId}:invitation:0`,
      nextAttemptAt: sendAt,
    }));
    await insertOutbox(tx as unknown as Db, mail);
    return inserted.length;
  });
}

/** Moves the wave's waiting invitation emails to a new time (the schedule changed). */
export async function rescheduleInvitationMail(db: Db, waveId: string, at: Date): Promise<void> {
  await db
    .update(outbox)
    .set({ nextAttemptAt: at })
    .where(and(eq(outbox.waveId, waveId), eq(outbox.kind, "invitation"), eq(outbox.status, "pending")));
}
