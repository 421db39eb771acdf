// Keep-in-touch mailings: who they go to, their recipients, and the report per mailing (sent,
// bounced, opened My details, confirmed unchanged, changed their details after it).
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { keepInTouchMailings, keepInTouchRecipients } from "../schema";
import { FOLLOW_UP_CONSENT } from "./consents";
import { toDate, toNumber, ts } from "./raw";

/** Contact-history changes that are not the person's own (a bounce) or not a change ("viewed"). */
const NOT_BY_PERSON = ["bounced", "soft_bounce"];

/** The idempotency key of a mailing's message to one person. */
export const keepInTouchKey = (mailingId: string, participantId: string) => `keep:${mailingId}:${participantId}`;

export async function insertKeepInTouchMailing(db: Db, row: typeof keepInTouchMailings.$inferInsert): Promise<string> {
  const [r] = await db.insert(keepInTouchMailings).values(row).returning({ id: keepInTouchMailings.id });
  return r.id;
}

/** Mailings whose time has come and that were not sent yet, oldest first. */
export async function findDueKeepInTouch(db: Db, now: Date) {
  return db.select().from(keepInTouchMailings)
    .where(and(isNull(keepInTouchMailings.sentAt), lte(keepInTouchMailings.sendAt, now)))
    .orderBy(asc(keepInTouchMailings.sendAt));
}

export async function findKeepInTouchMailing(db: Db, studyId: string, id: string) {
  const [r] = await db.select().from(keepInTouchMailings).where(and(eq(keepInTouchMailings.studyId, studyId), eq(keepInTouchMailings.id, id)));
  return r ?? null;
}

/**
 * Marks the mailing sent, once: false when another run did it first (the caller then does nothing,
 * so concurrent reconciles never queue twice; the outbox keys would stop it anyway).
 */
export async function claimKeepInTouchMailing(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db.update(keepInTouchMailings).set({ sentAt: now })
    .where(and(eq(keepInTouchMailings.id, id), isNull(keepInTouchMailings.sentAt))).returning({ id: keepInTouchMailings.id });
  return rows.length > 0;
}

export async function setKeepInTouchRecipientCount(db: Db, id: string, n: number) {
  await db.update(keepInTouchMailings).set({ recipients: n }).where(eq(keepInTouchMailings.id, id));
}

/**
 * Who a mailing goes to: not withdrawn, with a contact that has not bounced, whose latest follow-up consent is granted;
 * with `cutoff`, only those with no change or confirmation of their own in contact_history and no
 * contact point confirmed after it (details older than the cutoff).
 */
export async function keepInTouchCandidates(db: Db, studyId: string, cutoff: Date | null): Promise<string[]> {
  const older = cutoff
    ? sql`and not exists (select 1 from contact_history h where h.participant_id = p.id and h.at > ${ts(cutoff)}
                          and h.change not in (${sql.join(NOT_BY_PERSON.map((c) => sql`${c}`), sql`, `)}))
          and not exists (select 1 from contact_points cp where cp.participant_id = p.id and cp.confirmed_at > ${ts(cutoff)})`
    : sql``;
  const rows = await executeRows<{ id: string }>(
    db,
    sql`select p.id from participants p
        join contacts ct on ct.participant_id = p.id
        cross join lateral (
          select lc.granted from consents lc where lc.participant_id = p.id and lc.kind = ${FOLLOW_UP_CONSENT}
          order by lc.recorded_at desc, lc.id desc limit 1
        ) latest
        where p.study_id = ${studyId} and p.withdrawn_at is null and ct.bounced_at is null and latest.granted ${older}
        order by p.id`,
  );
  return rows.map((r) => r.id);
}

export async function insertKeepInTouchRecipients(db: Db, rows: (typeof keepInTouchRecipients.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(keepInTouchRecipients).values(rows.slice(i, i + 1000)).onConflictDoNothing();
}

/** Records that the person opened My details after mailings sent to them (the first time only). */
export async function markKeepInTouchDetailsOpened(db: Db, participantId: string, now: Date): Promise<void> {
  await db.update(keepInTouchRecipients).set({ detailsOpenedAt: now })
    .where(and(eq(keepInTouchRecipients.participantId, participantId), isNull(keepInTouchRecipients.detailsOpenedAt), lte(keepInTouchRecipients.createdAt, now)));
}

export type KeepInTouchReport = {
  id: string; olderThanMonths: number | null; sendAt: Date; sentAt: Date | null; createdAt: Date; languages: string[]; subject: string;
  recipients: number; sent: number; bounced: number; opened: number; confirmed: number; changed: number;
};

/** The study's mailings, newest first, each with its report. `subjectLanguage`: whose subject to show. */
export async function listKeepInTouchReports(db: Db, studyId: string, subjectLanguage: string): Promise<KeepInTouchReport[]> {
  const rows = await executeRows(
    db,
    sql`select m.id, m.older_than_months, m.send_at, m.sent_at, m.created_at, m.messages, m.recipients,
          (select count(*) from keep_in_touch_recipients r join outbox o on o.idempotency_key = 'keep:' || m.id || ':' || r.participant_id
            where r.mailing_id = m.id and o.status in ('sent', 'bounced')) as sent,
          (select count(*) from keep_in_touch_recipients r join outbox o on o.idempotency_key = 'keep:' || m.id || ':' || r.participant_id
            where r.mailing_id = m.id and o.status = 'bounced') as bounced,
          (select count(*) from keep_in_touch_recipients r where r.mailing_id = m.id and r.details_opened_at is not null) as opened,
          (select count(*) from keep_in_touch_recipients r where r.mailing_id = m.id and exists (
            select 1 from contact_history h where h.participant_id = r.participant_id and h.at >= m.sent_at and h.change = 'confirmed_unchanged')) as confirmed,
          (select count(*) from keep_in_touch_recipients r where r.mailing_id = m.id and exists (
            select 1 from contact_history h where h.participant_id = r.participant_id and h.at >= m.sent_at
              and h.change not in ('confirmed_unchanged', ${sql.join(NOT_BY_PERSON.map((c) => sql`${c}`), sql`, `)}))) as changed
        from keep_in_touch_mailings m where m.study_id = ${studyId}
        order by m.created_at desc, m.id`,
  );
  return rows.map((r) => {
    const messages = (typeof r.messages === "string" ? JSON.parse(r.messages) : r.messages) as Record<string, { subject: string }>;
    return {
      id: r.id as string, olderThanMonths: r.older_than_months === null ? null : toNumber(r.older_than_months),
      sendAt: toDate(r.send_at)!, sentAt: toDate(r.sent_at), createdAt: toDate(r.created_at)!,
      languages: Object.keys(messages), subject: (messages[subjectLanguage] ?? Object.values(messages)[0])?.subject ?? "",
      recipients: toNumber(r.recipients), sent: toNumber(r.sent), bounced: toNumber(r.bounced), opened: toNumber(r.opened),
      confirmed: toNumber(r.confirmed), changed: toNumber(r.changed),
    };
  });
}
