// The background worker: pg-boss with the "reconcile" cron job and the "send-outbox" drain job,
// running in the app's process (instrumentation.ts) or any other Node process.
import type PgBoss from "pg-boss";
import type { DbHandle } from "../../db/client";
import { DEFAULT_MAILBOX_RETENTION_DAYS, type Config } from "../config/load-config";
import { createMailTransport, type MailTransport } from "../mail/transport";
import { createBoss } from "./boss";
import { reconcileJob, sendOutboxJob, type JobContext } from "./jobs";
import { onNudge } from "./nudge";

export type WorkerOptions = {
  handle: DbHandle;
  /** Required on the PostgreSQL server (pg-boss opens its own small pool). */
  connectionString?: string;
  config: Pick<Config, "personalDataKey" | "publicUrl" | "mailFrom" | "smtpUrl"> & Partial<Pick<Config, "mailboxRetentionDays">>;
  /** Defaults to the transport the config names (SMTP pool or local mailbox). */
  transport?: MailTransport;
  /** Global send limit of this process, messages per second (MAIL_RATE_PER_SECOND). */
  ratePerSecond?: number | null;
  /** Parallel drain jobs across all instances (default 1). */
  drainSlots?: number;
  pollingIntervalSeconds?: number;
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
      ratePerSecond: opts.ratePerSecond ?? null,
    },
  };
  const boss = createBoss(opts.handle, { connectionString: opts.connectionString });
  boss.on("error", (err: Error) => log(`pg-boss: ${err.message}`));
  await boss.start();
  await boss.createQueue(reconcileJob.name, { name: reconcileJob.name, policy: "stately", expireInSeconds: 600, retryLimit: 2, retryBackoff: true });
  await boss.createQueue(sendOutboxJob.name, { name: sendOutboxJob.name, policy: "stately", expireInSeconds: 300, retryLimit: 2, retryBackoff: true });

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
      const stats = await sendOutboxJob.handler(ctx);
      if (stats.sent || stats.failed || stats.bounced || stats.retried) log(`send-outbox[${slot}]: ${JSON.stringify(stats)}`);
      // Out of time with mail left: continue in a new run (this one is still active, so stately allows it).
      if (!stats.drained && stats.released === 0) await boss.send(sendOutboxJob.name, { slot }, { singletonKey: `slot-${slot}` });
    }
  });
  await boss.schedule(reconcileJob.name, "* * * * *", {}, { singletonKey: "reconcile" });

  const offNudge = onNudge((topic) => {
    (topic === "outbox" ? drainNow() : reconcileNow()).catch((err: Error) => log(`nudge ${topic}: ${err.message}`));
  });
  await reconcileNow();
  log(`started (${opts.handle.kind}, mail via ${transport.kind}, ${slots} drain slot${slots > 1 ? "s" : ""})`);

  return {
    boss,
    reconcileNow,
    drainNow,
    async stop() {
      offNudge();
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
      if (ownTransport) await transport.close();
    },
  };
}
