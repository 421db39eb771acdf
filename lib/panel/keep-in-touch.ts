// Keep-in-touch mailings: between waves, a short message with no questionnaire asking the panel
// to check their details (the My-details link). Scheduled by a researcher, sent at its time by the
// reconcile job or at once with "Send now", through the outbox (docs/keep-in-touch.md).
import { z } from "zod";
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { FOLLOW_UP_CONSENT } from "../../db/queries/consents";
import {
  claimKeepInTouchMailing, findDueKeepInTouch, insertKeepInTouchMailing, insertKeepInTouchRecipients, keepInTouchCandidates,
  keepInTouchKey, listKeepInTouchReports, setKeepInTouchRecipientCount,
} from "../../db/queries/keep-in-touch";
import type { keepInTouchMailings } from "../../db/schema";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput, type FieldIssue } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { studyTimeZone, wallTimeToInstant } from "../i18n/study-time-zone";
import { queueParticipantMail } from "../mail/queue-mail";
import { noControlCharacters } from "../text/control-characters";

const messageSchema = z.object({
  subject: z.string().trim().max(200, "At most 200 characters").superRefine(noControlCharacters("The subject")).optional().default(""),
  body: z.string().trim().max(5000, "At most 5,000 characters").superRefine(noControlCharacters("The message", "multiline")).optional().default(""),
});

export const keepInTouchInputSchema = z.object({
  /** Subject and body per study language; every language of the study needs both. */
  messages: z.record(z.string(), messageSchema),
  /** Only those whose details are older than this many months; absent: the whole panel. */
  olderThanMonths: z.coerce.number().int("Whole months").min(1, "At least 1 month").max(120, "At most 120 months").nullish(),
  /** When to send: an instant, or a wall time ("2024-09-01T10:00") in the study's time zone; ignored with sendNow. */
  sendAt: z.union([z.date(), z.string().trim().max(40)]).nullish(),
  sendNow: z.boolean().optional(),
});
export type KeepInTouchInput = z.input<typeof keepInTouchInputSchema>;

type MailingRow = typeof keepInTouchMailings.$inferSelect;

/** `now` minus `months` calendar months (UTC). Pure. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * Creates a mailing; with `sendNow` its mail is queued in the same transaction, otherwise the
 * reconcile job sends it at `sendAt`. Researchers of the study and admins. Audited.
 */
export async function createKeepInTouch(db: Db, user: StaffUser, slug: string, input: KeepInTouchInput, now: Date) {
  const q = parseInput(keepInTouchInputSchema, input);
  const study = await studyForUser(db, user, slug);
  const issues: FieldIssue[] = [];
  const messages: Record<string, { subject: string; body: string }> = {};
  for (const lang of study.languages) {
    const m = q.messages[lang] ?? { subject: "", body: "" };
    if (!m.subject) issues.push({ path: `messages.${lang}.subject`, message: `Write the subject in ${lang}` });
    if (!m.body) issues.push({ path: `messages.${lang}.body`, message: `Write the message in ${lang}` });
    messages[lang] = { subject: m.subject, body: m.body };
  }
  const wanted = typeof q.sendAt === "string" ? (q.sendAt ? wallTimeToInstant(q.sendAt, studyTimeZone(study.settings)) : null) : (q.sendAt ?? null);
  if (!q.sendNow && !wanted) issues.push({ path: "sendAt", message: q.sendAt ? "Enter a date and time, e.g. 2024-09-01 10:00" : "Choose when to send it, or send it now" });
  if (issues.length) throw new InvalidInput("Check the highlighted fields", issues);
  const sendAt = q.sendNow || !wanted || wanted < now ? now : wanted;
  return transaction(db, async (tx) => {
    const id = await insertKeepInTouchMailing(tx, { studyId: study.id, messages, olderThanMonths: q.olderThanMonths ?? null, sendAt, createdBy: user.id, createdAt: now });
    await recordAudit(tx, user, {
      studyId: study.id, action: "keep_in_touch.created", target: id,
      filter: { olderThanMonths: q.olderThanMonths ?? null, sendAt: sendAt.toISOString(), sendNow: q.sendNow === true, languages: Object.keys(messages) }, rowCount: null,
    }, now);
    const sent = q.sendNow ? await sendMailing(tx, user, { id, studyId: study.id, messages, olderThanMonths: q.olderThanMonths ?? null }, now) : null;
    return { id, recipients: sent?.recipients ?? null };
  });
}

/**
 * Chooses the recipients now and queues one message each under `keep:<mailing>:<participant>`;
 * nothing when the mailing was sent before. The outbox checks the follow-up consent and
 * withdrawal again when each message goes.
 */
async function sendMailing(db: Db, actor: AuditActor, m: Pick<MailingRow, "id" | "studyId" | "messages" | "olderThanMonths">, now: Date) {
  if (!(await claimKeepInTouchMailing(db, m.id, now))) return null;
  const people = await keepInTouchCandidates(db, m.studyId, m.olderThanMonths ? monthsBefore(now, m.olderThanMonths) : null);
  await insertKeepInTouchRecipients(db, people.map((participantId) => ({ mailingId: m.id, participantId, studyId: m.studyId, createdAt: now })));
  let queued = 0;
  for (const participantId of people) {
    const ok = await queueParticipantMail(db, {
      participantId, kind: "keep_in_touch", template: "keep-in-touch", consentKind: FOLLOW_UP_CONSENT,
      data: { mailingId: m.id, messages: m.messages }, idempotencyKey: keepInTouchKey(m.id, participantId),
    }, now);
    if (ok) queued++;
  }
  await setKeepInTouchRecipientCount(db, m.id, people.length);
  await recordAudit(db, actor, { studyId: m.studyId, action: "keep_in_touch.sent", target: m.id, filter: { olderThanMonths: m.olderThanMonths }, rowCount: people.length, outcome: { queued } }, now);
  return { recipients: people.length, queued };
}

/** Sends every mailing whose time has come (the reconcile job, every minute). Idempotent. */
export async function sendDueKeepInTouch(db: Db, now: Date): Promise<number> {
  let sent = 0;
  for (const m of await findDueKeepInTouch(db, now)) {
    const r = await transaction(db, (tx) => sendMailing(tx, { kind: "system" }, m, now));
    if (r) sent++;
  }
  return sent;
}

/** The keep-in-touch screen's data: the study and its mailings with their reports. */
export async function getKeepInTouchPage(db: Db, user: StaffUser, slug: string) {
  const study = await studyForUser(db, user, slug);
  return { study, mailings: await listKeepInTouchReports(db, study.id, study.defaultLanguage) };
}
