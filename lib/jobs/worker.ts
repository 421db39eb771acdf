// The background worker: pg-boss with the "reconcile" cron job and the "send-outbox" drain job,
// running in the app's process (instrumentation.ts) or any other Node process.
import type PgBoss from "pg-boss";
import type { DbHandle } from "../../db/client";
import { DEFAULT_MAILBOX_RETENTION_DAYS, type Config } from "../config/load-config";
import { createMailTransport, type MailTransport } from "../mail/transport";
import { createBoss } from "./boss";
import { reconcileJob, retentionJob, sendOutboxJob, type JobContext } from "./jobs";
import { onNudge } from "../nudge/nudge";

/** A drain run stops starting messages after this long, then queues its continuation. */
export const DRAIN_BUDGET_MS = 20_000;
/** pg-boss fails an active drain job after this long: the budget plus room for the last sends. */
export const DRAIN_EXPIRE_SECONDS = 40;
/** A reconcile run over a large panel took 48 s (88,000 invitations); twice that, with margin. */
export const RECONCILE_EXPIRE_SECONDS = 120;
/** A retention run deletes study-wide with a few statements per study. */
export const RETENTION_EXPIRE_SECONDS = 300;
const DRAIN_TICK_MS = 15_000;

export type WorkerOptions = {
  handle: DbHandle;
  /** Required on the PostgreSQL server (pg-boss opens its own small pool). */
  connectionString?: string;
  config: Pick<Config, "personalDataKey" | "publicUrl" | "mailFrom" | "smtpUrl"> & Partial<Pick<Config, "mailboxRetentionDays" | "bounceDomain">>;
  /** Defaults to the transport the config names (SMTP pool or local mailbox). */
  transport?: MailTransport;
  /** Global send limit of this process, messages per second (MAIL_RATE_PER_SECOND). */
  ratePerSecond?: number | null;
  /** Parallel drain jobs across all instances (default 1). */
  drainSlots?: number;
  pollingIntervalSeconds?: number;
  /** How long an outbox claim is held (default 5 min, docs/outbox.md); fault tests shorten it. */
  leaseMs?: number;
  clock?: () => Date;
  log?: (message: string) => void;
};

export type Worker = {
  boss: PgBoss;
  /** Queue a reconcile run now (stately: merges with one already queued). */
  reconcileNow(): Promise<void>;
  /** Queue drain runs now on every slot. */
  drainNow(): Promise<void>;
  stop(): Promise<void>;
};

export async function startWorker(opts: WorkerOptions): Promise<Worker> {
  const log = opts.log ?? ((m: string) => console.log(`[worker] ${m}`));
  const slots = Math.max(1, opts.drainSlots ?? 1);
  const ownTransport = !opts.transport;
  const transport = opts.transport ?? createMailTransport(opts.handle.db, { smtpUrl: opts.config.smtpUrl, personalDataKey: opts.config.personalDataKey });
  const ctx: JobContext = {
    db: opts.handle.db,
    transport,
    clock: opts.clock ?? (() => new Date()),
    mailboxRetentionDays: opts.config.mailboxRetentionDays ?? DEFAULT_MAILBOX_RETENTION_DAYS,
    drain: {
      personalDataKey: opts.config.personalDataKey,
      publicUrl: opts.config.publicUrl,
      mailFrom: opts.config.mailFrom,
      bounceDomain: opts.config.bounceDomain ?? null,
      ratePerSecond: opts.ratePerSecond ?? null,
      leaseMs: opts.leaseMs,
      leaseMarginMs: opts.leaseMs ? Math.min(2 * 60_000, opts.leaseMs / 4) : undefined,
    },
  };
  const boss = createBoss(opts.handle, { connectionString: opts.connectionString });
  boss.on("error", (err: Error) => log(`pg-boss: ${err.message}`));
  await boss.start();
  // A job whose worker died stays 'active' until its expiry, and a stately queue starts nothing
  // else meanwhile: the expiries are short, so mail resumes on a live instance within a minute
  // (drain runs end by their budget, well within expireInSeconds; see docs/outbox.md).
  for (const [name, expireInSeconds] of [[reconcileJob.name, RECONCILE_EXPIRE_SECONDS], [sendOutboxJob.name, DRAIN_EXPIRE_SECONDS], [retentionJob.name, RETENTION_EXPIRE_SECONDS]] as const) {
    const queue: PgBoss.Queue = { name, policy: "stately", expireInSeconds, retryLimit: 2, retryBackoff: true };
    await boss.createQueue(name, queue);
    // createQueue keeps an existing queue's settings: bring databases made by older versions up to date.
    await boss.updateQueue(name, queue);
  }

  const drainNow = async () => {
    for (let slot = 0; slot < slots; slot++) {
      await boss.send(sendOutboxJob.name, { slot }, { singletonKey: `slot-${slot}` });
    }
  };
  const reconcileNow = async () => {
    await boss.send(reconcileJob.name, {}, { singletonKey: "reconcile" });
  };

  // Nudges queue a job at once; polling only bounds how soon a worker notices it.
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 };
  await boss.work(reconcileJob.name, polling, async (jobs) => {
    for (const job of jobs) {
      reconcileJob.schema.parse(job.data ?? {});
      const stats = await reconcileJob.handler(ctx);
      if (stats.opened || stats.closed || stats.invited || stats.reminders || stats.closingReminders || stats.erased || stats.mailbox.deleted || stats.mailbox.sealed) {
        log(`reconcile: ${JSON.stringify(stats)}`);
      }
    }
    await drainNow();
  });
  await boss.work(sendOutboxJob.name, polling, async (jobs) => {
    for (const job of jobs) {
      const { slot } = sendOutboxJob.schema.parse(job.data ?? {});
      const stats = await sendOutboxJob.handler(ctx, DRAIN_BUDGET_MS);
      if (stats.sent || stats.failed || stats.bounced || stats.retried) log(`send-outbox[${slot}]: ${JSON.stringify(stats)}`);
      // Out of time with mail left: continue in a new run (this one is still active, so stately allows it).
      if (!stats.drained && !stats.outage) await boss.send(sendOutboxJob.name, { slot }, { singletonKey: `slot-${slot}` });
    }
  });
  await boss.work(retentionJob.name, polling, async (jobs) => {
    for (const job of jobs) {
      retentionJob.schema.parse(job.data ?? {});
      const run = await retentionJob.handler(ctx);
      if (run.erased.length) log(`retention: ${JSON.stringify(run.erased)}`);
    }
  });
  await boss.schedule(reconcileJob.name, "* * * * *", {}, { singletonKey: "reconcile" });
  // Daily at 03:17 (the server's clock): erase what is past its study's retention period.
  await boss.schedule(retentionJob.name, "17 3 * * *", {}, { singletonKey: "retention" });

  const offNudge = onNudge((topic) => {
    (topic === "outbox" ? drainNow() : reconcileNow()).catch((err: Error) => log(`nudge ${topic}: ${err.message}`));
  });
  // Every instance keeps a drain queued (stately merges them into one), so when the instance that
  // was draining dies, a live one takes over as soon as the dead run expires, whatever else runs.
  const tick = setInterval(() => drainNow().catch((err: Error) => log(`drain tick: ${err.message}`)), DRAIN_TICK_MS);
  tick.unref();
  await reconcileNow();
  log(`started (${opts.handle.kind}, mail via ${transport.kind}, ${slots} drain slot${slots > 1 ? "s" : ""})`);

  return {
    boss,
    reconcileNow,
    drainNow,
    async stop() {
      offNudge();
      clearInterval(tick);
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
      if (ownTransport) await transport.close();
    },
  };
}
