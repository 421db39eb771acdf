// The one place a bounce changes anything, whether it came as a report to the VERP address
// (lib/mail/bounces/handle-dsn.ts) or as a refusal while sending (lib/mail/send-outbox.ts).
import type { Db } from "../../../db/client";
import { countSoftBouncedMessages, findBouncedMessage, insertBounce, markContactBounced, markOutboxMessageBounced, requeueMessage } from "../../../db/queries/bounces";
import { transaction } from "../../../db/transaction";
import { markAddressBounced } from "../../contact-points/mark-address-bounced";
import { redactAddresses } from "./parse-dsn";

/** Soft bounces of distinct messages to one address after which it counts as bounced. */
export const SOFT_BOUNCE_THRESHOLD = 3;

export type BounceInput = {
  outboxId: number;
  hard: boolean;
  /** Enhanced status code, e.g. "5.1.1". */
  status: string;
  diagnostic: string | null;
  at: Date;
  /** "failed" (will not be delivered; the default) or "delayed" (a warning, still being tried). */
  action?: "failed" | "delayed";
  source?: "dsn" | "smtp";
  /**
   * Refused while sending: when the refused address was the person's main one and a confirmed
   * second address took over, the message goes out again at once, to that address.
   */
  resendToFallback?: boolean;
};

export type BounceOutcome =
  | { applied: false; reason: "unknown_message" | "duplicate" }
  | { applied: true; contactBounced: boolean; participantId: string | null; resent: boolean };

/**
 * Records a bounce in mail_bounces (no address in clear), marks a message that will not arrive as
 * 'bounced', and marks the participant's address bounced on a hard bounce or on the
 * SOFT_BOUNCE_THRESHOLD-th softly bounced message to it. One transaction. Idempotent: the same
 * report again (same message, source, status and action) changes nothing.
 */
export async function applyBounce(db: Db, input: BounceInput): Promise<BounceOutcome> {
  const action = input.action ?? "failed";
  const source = input.source ?? "dsn";
  const diagnostic = redactAddresses(input.diagnostic);
  return transaction(db, async (tx) => {
    const msg = await findBouncedMessage(tx, input.outboxId);
    if (!msg) return { applied: false, reason: "unknown_message" };
    const inserted = await insertBounce(tx, {
      outboxId: msg.id, participantId: msg.participantId, studyId: msg.studyId, waveId: msg.waveId, emailHash: msg.emailHash,
      hard: input.hard, source, action, status: input.status, diagnostic, receivedAt: input.at,
    });
    if (!inserted) return { applied: false, reason: "duplicate" };
    const what = `${input.hard ? "hard" : "soft"} bounce ${input.status}${diagnostic ? `: ${diagnostic}` : ""}`;
    const bounced = msg.participantId !== null && (input.hard || (msg.emailHash !== null && (await countSoftBouncedMessages(tx, { participantId: msg.participantId, emailHash: msg.emailHash })) >= SOFT_BOUNCE_THRESHOLD));
    const after = bounced ? await bounceAddress(tx, { participantId: msg.participantId!, emailHash: msg.emailHash, at: input.at }) : null;
    const resent = action === "failed" && input.resendToFallback === true && !msg.toOnePoint && after !== null && after.fallback;
    if (resent) await requeueMessage(tx, msg.id, input.at, `${what} (going to the person's other confirmed address)`);
    else if (action === "failed") await markOutboxMessageBounced(tx, msg.id, what);
    return { applied: true, contactBounced: bounced, participantId: msg.participantId, resent };
  });
}

/**
 * THE call site where an address becomes bounced: the contact point is marked
 * (markAddressBounced), and mail falls back to a confirmed second address when there is one;
 * with no working address left, every mail to the person stops. Returns whether another
 * confirmed address now takes the person's mail (fallback).
 */
async function bounceAddress(tx: Db, opts: { participantId: string; emailHash: string | null; at: Date }): Promise<{ fallback: boolean }> {
  if (opts.emailHash === null) {
    await markContactBounced(tx, { participantId: opts.participantId, emailHash: null, at: opts.at });
    return { fallback: false };
  }
  // The threshold for soft bounces was applied above (distinct messages), so this one counts as hard.
  const r = await markAddressBounced(tx, { participantId: opts.participantId, emailHash: opts.emailHash, hard: true, at: opts.at });
  if (!r.working) {
    await markContactBounced(tx, { participantId: opts.participantId, emailHash: null, at: opts.at });
    return { fallback: false };
  }
  return { fallback: r.recorded && r.currentHash !== opts.emailHash };
}
