// Whether a claimed message may still go, decided at send time from the database's current state.
// Pure. Whatever changed since the message was queued (withdrawal, opt-out, bounce, a completed
// response, a closed wave) wins over the queue.
import type { ClaimedMessage, DeliveryRow } from "../../db/queries/outbox";

export type Decision = { send: true } | { send: false; reason: string };

const WAVE_MAIL = new Set(["invitation", "reminder", "closing_reminder"]);
const STOP = (reason: string): Decision => ({ send: false, reason });

export function decideDelivery(msg: ClaimedMessage, ctx: DeliveryRow | undefined, now: Date): Decision {
  if (!ctx) return STOP("the message no longer exists");
  if (msg.userId) return ctx.userEmail ? { send: true } : STOP("the staff user no longer exists");
  if (!msg.participantId || !ctx.participantExists) return STOP("the participant no longer exists");
  const pointed = typeof msg.data.contactPointId === "string";
  if (!ctx.emailEncrypted) return STOP(pointed ? "the contact point was removed or erased" : "the contact details were erased");
  // A confirmation link goes to an address not yet confirmed; anything else sent to one point
  // (lost links) only to a confirmed one.
  if (pointed && ctx.pointState !== (msg.kind === "contact_confirmation" ? "unconfirmed" : "confirmed")) {
    return STOP(`the contact point is ${ctx.pointState ?? "gone"}`);
  }
  if (ctx.bouncedAt) return STOP("the address bounced");
  // A withdrawal confirmation is the one message a withdrawn person may still get.
  if (msg.kind === "withdrawal_confirmation") return { send: true };
  if (ctx.withdrawnAt) return STOP("the participant withdrew");
  // A reminder belongs to one version of a booking: moved or cancelled since, it is not sent.
  if (msg.kind === "interview_reminder" && (ctx.bookingCancelled !== false || ctx.bookingSequence !== Number(msg.data.sequence))) {
    return STOP("the interview was moved or cancelled");
  }
  if (msg.kind === "link_confirmation" && ctx.linkRequestOpen !== true) return STOP("the request was answered, expired or erased");
  if (typeof msg.data.consentKind === "string" && ctx.consentGranted !== true) {
    return STOP(`no ${msg.data.consentKind} consent (withdrawn or never given)`);
  }
  if (WAVE_MAIL.has(msg.kind)) {
    if (ctx.waveStatus !== "open") return STOP(`the wave is ${ctx.waveStatus ?? "gone"}`);
    if (ctx.waveClosesAt && ctx.waveClosesAt <= now) return STOP("the wave has closed");
    if (!ctx.invitationId) return STOP("the invitation no longer exists");
    if (ctx.invitationStatus === "opted_out" || ctx.invitationStatus === "bounced") return STOP(`the invitation is ${ctx.invitationStatus}`);
    if (ctx.invitationStatus === "completed" || ctx.responseStatus === "completed") return STOP("the survey is already completed");
    if (msg.kind !== "invitation") {
      const remindIf = ctx.waveSchedule?.remindIf === "not_started" ? "not_started" : "not_completed";
      const started = ctx.responseStatus !== null || ctx.invitationStatus === "started";
      if (remindIf === "not_started" && started) return STOP("the survey is already started");
    }
  }
  return { send: true };
}
