// The two durable jobs, each declared once: name, payload schema, idempotent handler.
import { z } from "zod";
import type { Db } from "../../db/client";
import { eraseWithdrawnContacts } from "../panel/erase-withdrawn-contacts";
import { sendDueKeepInTouch } from "../panel/keep-in-touch";
import { drainOutbox, type DrainOptions, type DrainStats } from "../mail/send-outbox";
import { tidyMailbox, type TidyMailboxStats } from "../mail/tidy-mailbox";
import type { MailTransport } from "../mail/transport";
import { sweepNoShows } from "../recruitment/interview-outcome";
import { reconcileWaves, type ReconcileStats } from "../waves/reconcile-waves";
import { runRetention, type RetentionRun } from "../privacy/retention";

export type JobContext = {
  db: Db;
  transport: MailTransport;
  drain: Omit<DrainOptions, "deadline" | "clock">;
  clock: () => Date;
  /** Local-mailbox messages older than this many days are deleted (MAILBOX_RETENTION_DAYS). */
  mailboxRetentionDays: number;
};

/**
 * "reconcile" — every minute (cron) and when nudged: open/close waves, invite, queue reminders,
 * erase withdrawn contacts, delete local-mailbox messages past their retention, move interview
 * no-shows to "no answer" (conditional on the board still saying "agreed"). Duplicates are
 * prevented by the database, not by the job: invitations are unique per (wave, participant),
 * every email has a unique outbox idempotency key, reminder n is guarded by the invitation's
 * reminder count; deleting what is past retention twice deletes nothing more. Running it twice,
 * or in two instances at once, adds nothing. The queue is 'stately' so at most one run is queued and one active.
 */
export const reconcileJob = {
  name: "reconcile",
  schema: z.object({}).passthrough(),
  async handler(ctx: JobContext): Promise<ReconcileStats & { erased: number; mailbox: TidyMailboxStats; noShows: number; keepInTouch: number }> {
    const stats = await reconcileWaves(ctx.db, ctx.clock(), { personalDataKey: ctx.drain.personalDataKey });
    const erased = await eraseWithdrawnContacts(ctx.db);
    const mailbox = await tidyMailbox(ctx.db, ctx.drain.personalDataKey, ctx.clock(), ctx.mailboxRetentionDays);
    const noShows = await sweepNoShows(ctx.db, ctx.clock());
    const keepInTouch = await sendDueKeepInTouch(ctx.db, ctx.clock());
    return { ...stats, erased, mailbox, noShows, keepInTouch };
  },
};

/**
 * "retention" — daily (cron): erases, per study, the personal data whose retention period after
 * the study's end date has passed, and audits each erasure (lib/privacy/retention.ts). Deleting
 * what is already gone deletes nothing, so a repeated or concurrent run adds nothing. Stately.
 */
export const retentionJob = {
  name: "retention",
  schema: z.object({}).passthrough(),
  handler(ctx: Pick<JobContext, "db" | "clock">): Promise<RetentionRun> {
    return runRetention(ctx.db, ctx.clock());
  },
};

/**
 * "send-outbox" — drains due mail for up to `budgetMs` (it stops starting messages then, even
 * mid-batch, so a run ends well within its pg-boss expiry), then queues itself again if mail is left.
 * Duplicates are prevented by the outbox: a row is claimed by one worker (FOR UPDATE SKIP LOCKED,
 * with a lease) and marked sent right after the SMTP server accepts it, so two runs at once share
 * the work instead of repeating it. The one remaining window (accepted, then the process dies
 * before the mark) re-sends that message once after the lease (docs/outbox.md). The queue is
 * 'stately' per slot: one queued and one active run per slot.
 */
export const sendOutboxJob = {
  name: "send-outbox",
  schema: z.object({ slot: z.number().int().min(0).max(31).default(0) }),
  async handler(ctx: JobContext, budgetMs = 50_000): Promise<DrainStats> {
    const deadline = new Date(ctx.clock().getTime() + budgetMs);
    return drainOutbox(ctx.db, ctx.transport, { ...ctx.drain, clock: ctx.clock, deadline });
  },
};
