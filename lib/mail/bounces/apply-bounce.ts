// The one place a bounce changes anything, whether it came as a report to the VERP address
// (lib/mail/bounces/handle-dsn.ts) or as a refusal while sending (lib/mail/send-outbox.ts).
import type { Db } from "../../../db/client";
import { countSoftBouncedMessages, findBouncedMessage, insertBounce, markContactBounced, markOutboxMessageBounced } from "../../../db/queries/bounces";
import { transaction } from "../../../db/transaction";
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
};

export type BounceOutcome =
  | { applied: false; reason: "unknown_message" | "duplicate" }
  | { applied: true; contactBounced: boolean; participantId: string | null };

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
    if (action === "failed") await markOutboxMessageBounced(tx, msg.id, `${input.hard ? "hard" : "soft"} bounce ${input.status}${diagnostic ? `: ${diagnostic}` : ""}`);
    if (!msg.participantId) return { applied: true, contactBounced: false, participantId: null };
    const bounced = input.hard || (msg.emailHash !== null && (await countSoftBouncedMessages(tx, { participantId: msg.participantId, emailHash: msg.emailHash })) >= SOFT_BOUNCE_THRESHOLD);
    if (bounced) await bounceAddress(tx, { participantId: msg.participantId, emailHash: msg.emailHash, hard: input.hard, at: input.at });
    return { applied: true, contactBounced: bounced, participantId: msg.participantId };
  });
}

/**
 * THE call site where an address becomes bounced (MERGE: route this through the contact points'
 * markAddressBounced(db, { participantId, emailHash, hard, at }), which falls back to a confirmed
 * second address; until then it marks contacts.bounced_at and stops the participant's mail).
 */
async function bounceAddress(tx: Db, opts: { participantId: string; emailHash: string | null; hard: boolean; at: Date }): Promise<void> {
  await markContactBounced(tx, { participantId: opts.participantId, emailHash: opts.emailHash, at: opts.at });
}
