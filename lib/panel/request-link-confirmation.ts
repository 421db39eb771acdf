// An open-link response gave an address that a panel member already has: keep the response apart,
// with the address as its unverified contact, and ask the member "Was this you?".
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { responseExistsFor } from "../../db/queries/responses";
import { countLinkConfirmationsSince, insertUnverifiedContact, participantCodes } from "../../db/queries/participants";
import { recordAudit } from "../audit/record-audit";
import { encryptPersonal, normaliseEmail } from "../crypto/personal-data";
import { hashToken, linkConfirmationToken } from "../crypto/tokens";
import { queueParticipantMail } from "../mail/queue-mail";

/** How long a "Was this you?" link works. */
export const LINK_CONFIRMATION_DAYS = 14;
/** At most this many "Was this you?" emails to one member a day, however many strangers use the address. */
export const LINK_CONFIRMATIONS_PER_DAY = 3;

export type LinkRequest = {
  key: Buffer;
  studyId: string;
  waveId: string;
  /** The participant created for the open-link response. */
  participantId: string;
  /** The member whose verified contact has the address. */
  existingParticipantId: string;
  email: string;
  emailHash: string;
  language: string;
  now: Date;
};

/**
 * Call inside the completion transaction. Records the address as the new participant's unverified
 * contact (encrypted; never used for mail), queues "Was this you?" to the member's own address
 * (idempotency key: the request id, no secret) and audits the request. Nothing about the member
 * changes. When the member already answered this wave there is nothing to join: nothing is kept.
 * Returns whether a request was recorded.
 */
export async function requestLinkConfirmation(db: Db, r: LinkRequest): Promise<boolean> {
  if (await responseExistsFor(db, r.waveId, r.existingParticipantId)) return false;
  const id = randomUUID();
  const expiresAt = new Date(r.now.getTime() + LINK_CONFIRMATION_DAYS * 86_400_000);
  await insertUnverifiedContact(db, {
    id, participantId: r.participantId, studyId: r.studyId, waveId: r.waveId, existingParticipantId: r.existingParticipantId,
    emailEncrypted: encryptPersonal(r.key, normaliseEmail(r.email)), emailHash: r.emailHash, language: r.language,
    tokenHash: hashToken(linkConfirmationToken(r.key, id)), createdAt: r.now, expiresAt,
  });
  const recent = await countLinkConfirmationsSince(db, r.existingParticipantId, new Date(r.now.getTime() - 86_400_000));
  const queued = recent < LINK_CONFIRMATIONS_PER_DAY && await queueParticipantMail(
    db,
    {
      participantId: r.existingParticipantId,
      waveId: r.waveId,
      kind: "link_confirmation",
      template: "link-confirmation",
      consentKind: null,
      data: { requestId: id, answeredAt: r.now.toISOString(), expiresAt: expiresAt.toISOString() },
      idempotencyKey: `link-confirmation:${id}`,
    },
    r.now,
  );
  const codes = await participantCodes(db, [r.participantId, r.existingParticipantId]);
  await recordAudit(
    db,
    { kind: "respondent" },
    {
      studyId: r.studyId, action: "participant.link_requested", target: codes.get(r.existingParticipantId) ?? null,
      filter: { from: codes.get(r.participantId) ?? null, emailed: queued }, rowCount: null,
    },
    r.now,
  );
  return true;
}
