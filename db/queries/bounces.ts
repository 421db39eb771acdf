// Bounces: the mail_bounces rows and the marks a bounce leaves on the message and the contact.
// See docs/bounces.md.
import { and, countDistinct, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { contactPoints, contacts, invitations, mailBounces, outbox } from "../schema";
import { ts } from "./raw";

export type BouncedMessage = {
  id: number;
  participantId: string | null;
  studyId: string | null;
  waveId: string | null;
  status: string;
  /**
   * The hash of the address the message went to: the one contact point it was meant for (a
   * confirmation link), else the participant's current address (null without a contact row).
   */
  emailHash: string | null;
  /** Whether the message was meant for one contact point only (not the person's main address). */
  toOnePoint: boolean;
};

/** The message a bounce is about, with the hash of its participant's address; null if unknown. */
export async function findBouncedMessage(db: Db, outboxId: number): Promise<BouncedMessage | null> {
  const [row] = await db
    .select({
      id: outbox.id, participantId: outbox.participantId, studyId: outbox.studyId, waveId: outbox.waveId, status: outbox.status,
      contactHash: contacts.emailHash, pointHash: contactPoints.valueHash, toOnePoint: sql<boolean>`${outbox.data} ? 'contactPointId'`,
    })
    .from(outbox)
    .leftJoin(contacts, eq(contacts.participantId, outbox.participantId))
    .leftJoin(contactPoints, and(sql`${outbox.data} ? 'contactPointId'`, sql`${contactPoints.id}::text = ${outbox.data}->>'contactPointId'`, eq(contactPoints.participantId, outbox.participantId)))
    .where(eq(outbox.id, outboxId));
  if (!row) return null;
  const toOnePoint = row.toOnePoint === true;
  return {
    id: row.id, participantId: row.participantId, studyId: row.studyId, waveId: row.waveId, status: row.status,
    emailHash: toOnePoint ? row.pointHash : row.contactHash, toOnePoint,
  };
}

export type BounceRow = {
  outboxId: number;
  participantId: string | null;
  studyId: string | null;
  waveId: string | null;
  emailHash: string | null;
  hard: boolean;
  source: "dsn" | "smtp";
  action: "failed" | "delayed";
  status: string;
  diagnostic: string | null;
  receivedAt: Date;
};

/** Records a bounce; false when the same report was recorded before (a redelivered DSN). */
export async function insertBounce(db: Db, row: BounceRow): Promise<boolean> {
  const out = await db.insert(mailBounces).values(row).onConflictDoNothing().returning({ id: mailBounces.id });
  return out.length > 0;
}

/**
 * Distinct messages to this address that bounced softly. Locks the participant's contact row first
 * (inside the caller's transaction), so that two reports applied at once both see each other's row.
 */
export async function countSoftBouncedMessages(db: Db, opts: { participantId: string; emailHash: string }): Promise<number> {
  await db.select({ id: contacts.participantId }).from(contacts).where(eq(contacts.participantId, opts.participantId)).for("update");
  const [row] = await db
    .select({ n: countDistinct(mailBounces.outboxId) })
    .from(mailBounces)
    .where(and(eq(mailBounces.participantId, opts.participantId), eq(mailBounces.emailHash, opts.emailHash), eq(mailBounces.hard, false)));
  return Number(row?.n ?? 0);
}

/** The message will not arrive: 'bounced' (one attempt more when it was still being sent). */
export async function markOutboxMessageBounced(db: Db, id: number, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: "bounced",
      attempts: sql`${outbox.attempts} + case when ${outbox.status} = 'sending' then 1 else 0 end`,
      lockedUntil: null,
      lastError: error.slice(0, 1000),
    })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ["sending", "sent", "pending"])));
}

/**
 * The participant's address is bounced: the contact is marked, every other pending message to
 * them is cancelled and their open invitations become 'bounced', so no later message slips through.
 * Call inside a transaction.
 */
export async function markContactBounced(db: Db, opts: { participantId: string; emailHash: string | null; at: Date }): Promise<void> {
  await db
    .update(contacts)
    .set({ bouncedAt: sql`coalesce(${contacts.bouncedAt}, ${ts(opts.at)})`, updatedAt: opts.at })
    .where(and(eq(contacts.participantId, opts.participantId), opts.emailHash ? eq(contacts.emailHash, opts.emailHash) : undefined));
  await db
    .update(outbox)
    .set({ status: "cancelled", lastError: "the address bounced" })
    .where(and(eq(outbox.participantId, opts.participantId), eq(outbox.status, "pending")));
  await db
    .update(invitations)
    .set({ status: "bounced" })
    .where(and(eq(invitations.participantId, opts.participantId), inArray(invitations.status, ["pending", "sent", "opened"])));
}

/** A message refused while sending goes out again at once (to the person's other address). */
export async function requeueMessage(db: Db, id: number, at: Date, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "pending", attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: at, lockedUntil: null, lastError: error.slice(0, 1000) })
    .where(and(eq(outbox.id, id), eq(outbox.status, "sending")));
}
