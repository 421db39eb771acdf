// Queueing mail: every email goes into the outbox under its natural key, so queueing twice is a
// no-op. The sender decides again at send time whether it may still go (decide-delivery.ts).
import type { Db } from "../../db/client";
import { FOLLOW_UP_CONSENT, INTERVIEW_CONSENT } from "../../db/queries/consents";
import { insertOutbox } from "../../db/queries/outbox";
import { findParticipantMailInfo } from "../../db/queries/participants";
import { encryptPersonal } from "../crypto/personal-data";
import { hashToken } from "../crypto/tokens";
import type { TemplateName } from "../../emails";
import { nudge } from "../nudge/nudge";

export type ParticipantMail = {
  participantId: string;
  waveId?: string | null;
  /** e.g. "interview_request"; with number, part of the natural key. */
  kind: string;
  number?: number;
  template: TemplateName;
  /** The consent whose latest row must be granted when the message goes (null: none needed). */
  consentKind: string | null;
  /** Non-personal template data (links are rebuilt at send time). */
  data?: Record<string, unknown>;
  idempotencyKey: string;
  notBefore?: Date;
};

/**
 * Queues one message to a participant in their contact language. Idempotent on idempotencyKey.
 * Returns false when nothing was queued: already queued, no contact, or withdrawn (except for a
 * withdrawal confirmation).
 */
export async function queueParticipantMail(db: Db, mail: ParticipantMail, now: Date): Promise<boolean> {
  const info = await findParticipantMailInfo(db, mail.participantId);
  if (!info || !info.hasContact) return false;
  if (info.withdrawnAt && mail.kind !== "withdrawal_confirmation") return false;
  const n = await insertOutbox(db, [
    {
      studyId: info.studyId,
      waveId: mail.waveId ?? null,
      participantId: mail.participantId,
      kind: mail.kind,
      number: mail.number ?? 0,
      template: mail.template,
      language: info.language ?? info.defaultLanguage,
      data: { ...(mail.data ?? {}), ...(mail.consentKind ? { consentKind: mail.consentKind } : {}) },
      idempotencyKey: mail.idempotencyKey,
      nextAttemptAt: mail.notBefore && mail.notBefore > now ? mail.notBefore : now,
    },
  ]);
  if (n > 0) nudge("outbox");
  return n > 0;
}

/**
 * Queues the interview request to a participant who consented to interview contact (number
 * counts repeated requests: 0 is the first). Sent only while the latest interview_contact consent
 * is granted. `link` is an optional page of the study's own where they can say yes; without one the
 * email carries the person's booking link (/b, rebuilt at send time: bookingUrl in build-message.ts).
 */
export function queueInterviewRequest(
  db: Db,
  r: { participantId: string; waveId?: string | null; number?: number; link?: string | null; minutes?: string },
  now: Date,
): Promise<boolean> {
  const number = r.number ?? 0;
  return queueParticipantMail(
    db,
    {
      participantId: r.participantId,
      waveId: r.waveId ?? null,
      kind: "interview_request",
      number,
      template: "interview-request",
      consentKind: INTERVIEW_CONSENT,
      data: { ...(r.link ? { link: r.link } : { booking: true }), ...(r.minutes ? { minutes: r.minutes } : {}) },
      idempotencyKey: `interview:${r.participantId}:${number}`,
    },
    now,
  );
}

/** Queues the thank-you after a completed panel wave (once per wave and participant). */
export function queueThankYou(db: Db, r: { participantId: string; waveId: string }, now: Date): Promise<boolean> {
  return queueParticipantMail(
    db,
    {
      participantId: r.participantId,
      waveId: r.waveId,
      kind: "thank_you",
      template: "thank-you",
      consentKind: FOLLOW_UP_CONSENT,
      idempotencyKey: `inv:${r.waveId}:${r.participantId}:thank_you:0`,
    },
    now,
  );
}

/**
 * Queues an email with a secret link to a researcher or admin (a reset link, an invitation). The
 * link is kept in the outbox only until it is sent, and encrypted meanwhile (build-message.ts
 * decrypts it). `requestKey` (the link's token) makes a retried request queue one message; only
 * its hash enters the idempotency key, which is kept for good.
 */
async function queueStaffLink(
  db: Db,
  key: Buffer,
  m: { userId: string; kind: string; template: TemplateName; url: string; language?: "en" | "nb"; requestKey: string; data: Record<string, unknown> },
  now: Date,
): Promise<boolean> {
  const n = await insertOutbox(db, [
    {
      userId: m.userId,
      kind: m.kind,
      template: m.template,
      language: m.language ?? "en",
      data: { secretUrl: encryptPersonal(key, m.url), ...m.data },
      idempotencyKey: `${m.template}:${m.userId}:${hashToken(m.requestKey)}`,
      nextAttemptAt: now,
    },
  ]);
  if (n > 0) nudge("outbox");
  return n > 0;
}

/** Queues a password-reset email (the link lives as long as the reset token: `minutes`). */
export function queuePasswordReset(
  db: Db,
  key: Buffer,
  r: { userId: string; url: string; minutes: number; language?: "en" | "nb"; requestKey: string },
  now: Date,
): Promise<boolean> {
  return queueStaffLink(db, key, { ...r, kind: "password_reset", template: "password-reset", data: { minutes: r.minutes } }, now);
}

/** Queues an invitation to a new researcher or admin: a single-use link to choose a first password (lib/users/invite-user.ts). */
export function queueStaffInvitation(
  db: Db,
  key: Buffer,
  r: { userId: string; url: string; days: number; role: "admin" | "researcher"; language?: "en" | "nb"; requestKey: string },
  now: Date,
): Promise<boolean> {
  return queueStaffLink(db, key, { ...r, kind: "staff_invitation", template: "staff-invitation", data: { days: r.days, role: r.role } }, now);
}

/**
 * Queues a message to one contact point of a participant rather than to their current address (a
 * confirmation link to a new address, links asked for on /link): data.contactPointId names it and
 * the sender reads that point's address (decide-delivery.ts checks its state again). Idempotent.
 */
export async function queueContactPointMail(
  db: Db,
  m: { participantId: string; studyId: string; contactPointId: string; kind: string; template: TemplateName; language: string; data: Record<string, unknown>; idempotencyKey: string },
  now: Date,
): Promise<boolean> {
  const n = await insertOutbox(db, [{
    studyId: m.studyId, participantId: m.participantId, kind: m.kind, template: m.template, language: m.language,
    data: { ...m.data, contactPointId: m.contactPointId }, idempotencyKey: m.idempotencyKey, nextAttemptAt: now,
  }]);
  if (n > 0) nudge("outbox");
  return n > 0;
}
