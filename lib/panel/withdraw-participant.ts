// Opting out of email and withdrawing from the study: the one place both the stop-emails link
// (/u/<token>) and the respondent pages go through.
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { FOLLOW_UP_CONSENT, INTERVIEW_CONSENT, insertConsentWithdrawal, latestConsents } from "../../db/queries/consents";
import { cancelPendingForParticipant } from "../../db/queries/outbox";
import { eraseContact, findParticipantMailInfo, markParticipantWithdrawn } from "../../db/queries/participants";
import { optOutInvitations } from "../../db/queries/invitations";
import { NotFound } from "../errors/app-error";
import { queueParticipantMail } from "../mail/queue-mail";

/** Consents that lead to email; opting out of email withdraws each one that is granted. */
export const EMAIL_CONSENTS = [FOLLOW_UP_CONSENT, INTERVIEW_CONSENT] as const;

export type WithdrawalMethod = "unsubscribe_link" | "survey" | "admin";

export type OptOutResult = {
  participantId: string;
  /** Nothing changed: the person had already opted out. */
  alreadyOptedOut: boolean;
  cancelledMail: number;
  invitationsOptedOut: number;
  confirmationQueued: boolean;
  contactErased: boolean;
};

/** Whether the study sends a single confirmation after an opt-out (studies.settings, default off). */
export function sendsWithdrawalConfirmation(settings: Record<string, unknown>): boolean {
  return settings.withdrawalConfirmation === true;
}

async function stopEmail(
  db: Db,
  participantId: string,
  opts: { method: WithdrawalMethod; waveId?: string | null; now: Date; withdraw: boolean },
): Promise<OptOutResult> {
  const info = await findParticipantMailInfo(db, participantId);
  if (!info) throw new NotFound("Participant not found");
  const result = await transaction(db, async (t) => {
    const latest = await latestConsents(t, participantId, [...EMAIL_CONSENTS]);
    let recorded = 0;
    for (const kind of EMAIL_CONSENTS) {
      // Record the opt-out for every granted consent, and always once for follow-up surveys.
      if (latest[kind] === true || (kind === FOLLOW_UP_CONSENT && latest[kind] === null)) {
        await insertConsentWithdrawal(t, {
          participantId,
          studyId: info.studyId,
          kind,
          method: opts.method,
          waveId: opts.waveId ?? null,
          language: info.language,
          now: opts.now,
        });
        recorded++;
      }
    }
    const newlyWithdrawn = opts.withdraw && !info.withdrawnAt;
    if (opts.withdraw) await markParticipantWithdrawn(t, participantId, opts.now);
    const cancelledMail = await cancelPendingForParticipant(t, participantId, `opted out (${opts.method})`);
    const invitationsOptedOut = await optOutInvitations(t, participantId);
    return { recorded, newlyWithdrawn, cancelledMail, invitationsOptedOut };
  });
  const alreadyOptedOut = result.recorded === 0 && !result.newlyWithdrawn;
  let confirmationQueued = false;
  if (!alreadyOptedOut && info.hasContact && sendsWithdrawalConfirmation(info.studySettings)) {
    confirmationQueued = await queueParticipantMail(
      db,
      {
        participantId,
        kind: "withdrawal_confirmation",
        template: "withdrawal-confirmation",
        consentKind: null,
        data: { erase: opts.withdraw },
        idempotencyKey: `withdrawal-confirmation:${participantId}`,
      },
      opts.now,
    );
  }
  // With a confirmation on its way, the address is erased once it is sent (eraseWithdrawnContacts).
  const contactErased = opts.withdraw && !confirmationQueued ? await eraseContact(db, participantId) : false;
  return {
    participantId,
    alreadyOptedOut,
    cancelledMail: result.cancelledMail,
    invitationsOptedOut: result.invitationsOptedOut,
    confirmationQueued,
    contactErased,
  };
}

/**
 * Stops all email to a participant (the one-click unsubscribe): withdraws the email consents
 * (a consents row with granted=false, the method and the time), cancels waiting mail, marks open
 * invitations opted_out. Answers already given and survey access stay. Idempotent.
 */
export function optOutOfEmail(
  db: Db,
  participantId: string,
  opts: { method: WithdrawalMethod; waveId?: string | null; now: Date },
): Promise<OptOutResult> {
  return stopEmail(db, participantId, { ...opts, withdraw: false });
}

/**
 * Full withdrawal (STUDY.md): everything optOutOfEmail does, plus participants.withdrawn_at and
 * the erasure of the contact row (right away, or right after a withdrawal confirmation is sent
 * where the study sends one). Idempotent.
 */
export function withdrawParticipant(
  db: Db,
  participantId: string,
  opts: { method: WithdrawalMethod; waveId?: string | null; now: Date },
): Promise<OptOutResult> {
  return stopEmail(db, participantId, { ...opts, withdraw: true });
}
