// What staff may do for one panel member: show their personal link for an open wave, send the
// invitation again, and withdraw them on their request. Each is audited.
import type { Db } from "../../db/client";
import { FOLLOW_UP_CONSENT, latestConsents } from "../../db/queries/consents";
import { participantWaves } from "../../db/queries/participants";
import { requireAdmin } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { recordAudit } from "../audit/record-audit";
import { Conflict, InvalidInput, NotFound } from "../errors/app-error";
import { personalLink } from "../mail/build-message";
import { queueParticipantMail } from "../mail/queue-mail";
import { participantInStudy, waveIsOpen } from "./participant-page";
import { withdrawParticipant } from "./withdraw-participant";

type LinkSettings = { personalDataKey: Buffer; publicUrl: string };

async function personWave(db: Db, user: StaffUser, slug: string, code: string, waveSlug: string) {
  const { study, person } = await participantInStudy(db, user, slug, code);
  const wave = (await participantWaves(db, person.id)).find((w) => w.waveSlug === waveSlug);
  if (!wave) throw new NotFound(`${person.code} has no invitation to the wave "${waveSlug}"`);
  return { study, person, wave };
}

/**
 * The person's personal link to an open wave. Only the token's hash is stored, but the token is
 * derived from the key and the invitation id (lib/crypto/tokens.ts), so this is the very link the
 * invitation carried: showing it issues nothing new and every earlier copy keeps working. A link
 * answers as the person, so every showing is audited. Researchers of the study and admins.
 */
export async function showPersonalLink(db: Db, s: LinkSettings, user: StaffUser, slug: string, code: string, waveSlug: string, now: Date): Promise<string> {
  const { study, person, wave } = await personWave(db, user, slug, code, waveSlug);
  if (!waveIsOpen(wave, now)) throw new Conflict(`The wave "${wave.waveName}" is not open, so its links lead nowhere`);
  if (person.withdrawnAt) throw new Conflict(`${person.code} withdrew from the study; their link no longer opens the survey`);
  await recordAudit(db, user, { studyId: study.id, action: "participant.link_shown", target: person.code, filter: { wave: wave.waveSlug }, rowCount: 1 }, now);
  return personalLink(s, wave.invitationId);
}

export type ResendResult = { queued: boolean; message: string };

/**
 * Queues the wave's invitation to the person again, through the outbox (the sender checks once
 * more at send time). Refused, with the reason, when the person withdrew, has no contact, bounced,
 * has not granted the wave's consent (or withdrew it), already completed, or the wave is not
 * open. At most one resend per person and wave a minute (a double click queues one). Audited.
 */
export async function resendInvitation(db: Db, user: StaffUser, slug: string, code: string, waveSlug: string, now: Date): Promise<ResendResult> {
  const { study, person, wave } = await personWave(db, user, slug, code, waveSlug);
  const refuse = (message: string) => new InvalidInput(`Not sent: ${message}`, [{ path: "wave", message }]);
  const consentKind = wave.targetRule?.consent ?? FOLLOW_UP_CONSENT;
  let reason: string | null = null;
  if (person.withdrawnAt) reason = `${person.code} withdrew from the study`;
  else if (!person.emailEncrypted) reason = `${person.code} has no contact details`;
  else if (person.bouncedAt) reason = "their address bounced";
  else if (!waveIsOpen(wave, now)) reason = `the wave "${wave.waveName}" is not open`;
  else if (wave.status === "completed" || wave.responseStatus === "completed") reason = "they already completed this wave";
  else if (wave.status === "opted_out" || wave.status === "bounced") reason = `their invitation is ${wave.status.replace("_", " ")}`;
  else if ((await latestConsents(db, person.id, [consentKind]))[consentKind] !== true) reason = `they have not given (or have withdrawn) the ${consentKind.replace(/_/g, " ")} consent`;
  const audit = (outcome: Record<string, unknown>) =>
    recordAudit(db, user, { studyId: study.id, action: "participant.invitation_resent", target: person.code, filter: { wave: wave.waveSlug }, rowCount: 1, outcome }, now);
  if (reason) {
    await audit({ refused: reason });
    throw refuse(reason);
  }
  const minute = Math.floor(now.getTime() / 60_000);
  const queued = await queueParticipantMail(db, {
    participantId: person.id, waveId: wave.waveId, kind: "invitation", template: "invitation", consentKind,
    idempotencyKey: `inv:${wave.waveId}:${person.id}:resend:${minute}`,
  }, now);
  await audit({ queued });
  return { queued, message: queued ? `The invitation to ${wave.waveName} is on its way to ${person.code} again.` : "It was already queued a moment ago." };
}

/**
 * Withdraws the person on their request (they wrote or phoned): lib/panel's full withdrawal,
 * method "admin" (consents withdrawn, mail cancelled, invitations opted out, contact erased).
 * Admins only; `confirmCode` must repeat the person's code. Audited. Idempotent.
 */
export async function withdrawOnRequest(db: Db, user: StaffUser, slug: string, code: string, confirmCode: string, now: Date) {
  requireAdmin(user, "withdrawing a participant");
  const { study, person } = await participantInStudy(db, user, slug, code);
  if (confirmCode.trim() !== person.code) throw new InvalidInput("Type the participant's code to confirm", [{ path: "confirm", message: `Type ${person.code} to confirm the withdrawal` }]);
  const r = await withdrawParticipant(db, person.id, { method: "admin", now });
  await recordAudit(db, user, {
    studyId: study.id, action: "participant.withdrawn", target: person.code, filter: {}, rowCount: 1,
    outcome: { alreadyWithdrawn: r.alreadyOptedOut, cancelledMail: r.cancelledMail, invitationsOptedOut: r.invitationsOptedOut, contactErased: r.contactErased, confirmationQueued: r.confirmationQueued },
  }, now);
  return { code: person.code, alreadyWithdrawn: r.alreadyOptedOut, cancelledMail: r.cancelledMail, invitationsOptedOut: r.invitationsOptedOut, contactErased: r.contactErased, confirmationQueued: r.confirmationQueued };
}
