// The outbox sender: claims due messages in batches, decides at send time whether each may still
// go, sends it through the transport and records the outcome. See docs/outbox.md.
import type { Db } from "../../db/client";
import { claimDueOutbox, loadDeliveryContext, markOutboxCancelled, markOutboxFailed, markOutboxRetry, markOutboxSent, reclaimStaleOutbox, releaseClaimedOutbox, type ClaimedMessage, type DeliveryRow } from "../../db/queries/outbox";
import { markInvitationsSent } from "../../db/queries/invitations";
import { buildMessage, type MailSettings } from "./build-message";
import { decideDelivery } from "./decide-delivery";
import { createRateLimiter, type Limit, type RateLimiter } from "./rate-limiter";
import { classifySendError, refusalStatus, retryDelayMs } from "./smtp-errors";
import { applyBounce } from "./bounces/apply-bounce";
import type { MailTransport } from "./transport";

export type DrainOptions = MailSettings & {
  batchSize?: number;
  /** How long a claim is held (default 5 min). Must exceed one message's worst-case send time. */
  leaseMs?: number;
  /** A message is not started when less than this is left of its lease (default 2 min). */
  leaseMarginMs?: number;
  maxAttempts?: number;
  /** Global limit, messages per second, for this process; studies and waves may set lower ones. */
  ratePerSecond?: number | null;
  limiter?: RateLimiter;
  clock?: () => Date;
  /** Stop claiming new batches after this many (default: until nothing is due). */
  maxBatches?: number;
  /** Stop claiming new batches, and starting new messages, after this time. */
  deadline?: Date;
};

type Batch = { claimed: ClaimedMessage[]; contexts: Map<number, DeliveryRow> };

export type DrainStats = {
  sent: number;
  retried: number;
  bounced: number;
  failed: number;
  cancelled: number;
  released: number;
  reclaimed: number;
  /** True when the drain stopped because nothing more was due (not a deadline or an outage). */
  drained: boolean;
  /** True when it stopped because the SMTP server was unreachable (the rest waits for its backoff). */
  outage: boolean;
};

/**
 * Records accepted messages right away; those accepted while a write is running go together in
 * the next write. record() resolves once the message's mark is written.
 */
function sentRecorder(db: Db) {
  let pending: { id: number; providerMessageId: string; at: Date; done: () => void; fail: (e: unknown) => void }[] = [];
  let running: Promise<void> | null = null;
  const pump = async () => {
    while (pending.length > 0) {
      const group = pending;
      pending = [];
      try {
        await markOutboxSent(db, group);
        for (const g of group) g.done();
      } catch (err) {
        for (const g of group) g.fail(err);
      }
    }
    running = null;
  };
  return {
    record(id: number, providerMessageId: string, at: Date): Promise<void> {
      return new Promise<void>((done, fail) => {
        pending.push({ id, providerMessageId, at, done, fail });
        running ??= pump();
      });
    },
  };
}

function limitsFor(msg: ClaimedMessage, ctx: DeliveryRow | undefined, global: number | null | undefined): Limit[] {
  const limits: Limit[] = [];
  if (global && global > 0) limits.push({ key: "global", perSecond: global });
  const study = Number(ctx?.studySettings?.mailRatePerSecond);
  if (msg.studyId && study > 0) limits.push({ key: `study:${msg.studyId}`, perSecond: study });
  const wave = Number(ctx?.waveSchedule?.sendRatePerSecond);
  if (msg.waveId && wave > 0) limits.push({ key: `wave:${msg.waveId}`, perSecond: wave });
  return limits;
}

/** Messages claimed at a time when DrainOptions.batchSize is not given (what the worker uses). */
export const DEFAULT_OUTBOX_BATCH = 100;

/**
 * Sends due mail until none is due (or maxBatches / deadline). Safe to run in several processes
 * at once: a row is claimed by one worker only (SKIP LOCKED) and recorded right after the server
 * accepts it. Delivery is at least once: a worker that dies between the server's acceptance and
 * the record leaves a row that is sent again after its lease expires.
 */
export async function drainOutbox(db: Db, transport: MailTransport, opts: DrainOptions): Promise<DrainStats> {
  const clock = opts.clock ?? (() => new Date());
  const batchSize = opts.batchSize ?? DEFAULT_OUTBOX_BATCH;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const marginMs = Math.min(opts.leaseMarginMs ?? 2 * 60_000, leaseMs / 2);
  const maxAttempts = opts.maxAttempts ?? 12;
  const limiter = opts.limiter ?? createRateLimiter();
  const recorder = sentRecorder(db);
  const stats: DrainStats = { sent: 0, retried: 0, bounced: 0, failed: 0, cancelled: 0, released: 0, reclaimed: 0, drained: false, outage: false };

  /** Claims the next batch with its delivery context; null once the deadline has passed. */
  const claimBatch = async (): Promise<Batch | null> => {
    const now = clock();
    if (opts.deadline && now >= opts.deadline) return null;
    stats.reclaimed += await reclaimStaleOutbox(db, now, maxAttempts);
    const claimed = await claimDueOutbox(db, { now, leaseUntil: new Date(now.getTime() + leaseMs), limit: batchSize });
    return { claimed, contexts: claimed.length ? await loadDeliveryContext(db, claimed.map((m) => m.id)) : new Map() };
  };
  // The next batch is claimed while the last messages of a full batch are still being sent, so
  // the SMTP connections do not wait on the claim's round trips between two batches.
  let prefetched: Promise<Batch | null> | null = null;
  /** Gives a batch claimed ahead back untouched (the run stops); its rows are due again at `at`. */
  const releasePrefetched = async (at: Date) => {
    const ahead = prefetched && (await prefetched.catch(() => null));
    prefetched = null;
    if (ahead?.claimed.length) {
      await releaseClaimedOutbox(db, ahead.claimed.map((m) => m.id), at);
      stats.released += ahead.claimed.length;
    }
  };

  try {
    for (let batch = 0; opts.maxBatches === undefined || batch < opts.maxBatches; batch++) {
      const current = await (prefetched ?? claimBatch());
      prefetched = null;
      if (!current) break;
      const { claimed, contexts } = current;
      if (claimed.length === 0) {
        stats.drained = true;
        break;
      }
      const mayPrefetch = claimed.length === batchSize && (opts.maxBatches === undefined || batch + 1 < opts.maxBatches);

      // Set when the server is unreachable: the rest of the batch goes back untried.
      let stopUntil: Date | null = null;
      const untried: number[] = [];
      const sentInvitations: number[] = [];
      let fatal: unknown = null;
      const recording: Promise<void>[] = [];
      let next = 0;

      const one = async (msg: ClaimedMessage) => {
        const ctx = contexts.get(msg.id);
        const decision = decideDelivery(msg, ctx, clock());
        if (!decision.send) {
          await markOutboxCancelled(db, msg.id, decision.reason);
          stats.cancelled++;
          return;
        }
        let out;
        try {
          out = buildMessage(opts, msg, ctx!);
        } catch (err) {
          await markOutboxFailed(db, msg.id, `cannot build the message: ${(err as Error).message}`);
          stats.failed++;
          return;
        }
        await limiter.acquire(limitsFor(msg, ctx, opts.ratePerSecond));
        // Never start a send that could outlive the claim (another worker may reclaim the row then),
        // nor one past the run's deadline (the job must end well within its pg-boss expiry).
        const t = clock().getTime();
        if (stopUntil || t > msg.lockedUntil.getTime() - marginMs || (opts.deadline && t >= opts.deadline.getTime())) {
          untried.push(msg.id);
          return;
        }
        let providerMessageId: string;
        try {
          ({ providerMessageId } = await transport.send(out));
        } catch (err) {
          const f = classifySendError(err);
          const at = clock();
          if (f.outcome === "bounce") {
            // The same record and marks as a report received later (docs/bounces.md); a confirmed
            // second address takes the message when the refused one was the person's main address.
            const out = await applyBounce(db, { outboxId: msg.id, hard: true, status: refusalStatus(err), diagnostic: f.message, at, source: "smtp", resendToFallback: true });
            if (out.applied && out.resent) stats.retried++;
            else stats.bounced++;
          } else if (f.outcome === "fail") {
            await markOutboxFailed(db, msg.id, f.message);
            stats.failed++;
          } else {
            const attempts = msg.attempts + 1;
            const nextAttemptAt = new Date(at.getTime() + retryDelayMs(attempts));
            await markOutboxRetry(db, msg.id, { nextAttemptAt, error: f.message, giveUp: attempts >= maxAttempts });
            if (attempts >= maxAttempts) stats.failed++;
            else stats.retried++;
            if (f.connection && !stopUntil) {
              stopUntil = nextAttemptAt;
              stats.outage = true;
            }
          }
          return;
        }
        stats.sent++;
        if (msg.kind === "invitation") sentInvitations.push(msg.id);
        // The mark is written at once (grouped with others accepted meanwhile); the lane goes on to
        // its next message while it is written: waiting put a database round trip between every two
        // sends on each connection. The batch ends only once every mark is written.
        recording.push(
          recorder.record(msg.id, providerMessageId, clock()).catch((err) => {
            // Sent but not recorded (the database failed): stop; the row stays 'sending' and goes
            // again after its lease, which is the documented at-least-once case.
            fatal ??= err;
            stopUntil ??= clock();
          }),
        );
      };

      const lane = async () => {
        while (next < claimed.length) {
          const msg = claimed[next++];
          if (stopUntil || (opts.deadline && clock() >= opts.deadline)) {
            untried.push(msg.id);
            continue;
          }
          if (next === claimed.length && mayPrefetch && !prefetched) {
            prefetched = claimBatch();
            // Awaited at the next batch (or released); a failure surfaces there, not unhandled.
            prefetched.catch(() => {});
          }
          await one(msg);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(transport.concurrency, claimed.length)) }, lane));
      await Promise.all(recording);

      if (fatal) throw fatal;
      // Invitation status follows once per batch; reconcile repairs it if the worker died here.
      await markInvitationsSent(db, { outboxIds: sentInvitations });
      if (untried.length > 0) {
        await releaseClaimedOutbox(db, untried, stopUntil ?? clock());
        stats.released += untried.length;
      }
      if (stopUntil) {
        await releasePrefetched(stopUntil);
        break;
      }
    }
  } catch (err) {
    // The database failed: the batch claimed ahead goes back if it can, else after its lease.
    await releasePrefetched(clock()).catch(() => {});
    throw err;
  }
  return stats;
}
