// Booking, moving and cancelling an interview from the person's own link (/b/<token>). The
// database decides who gets a slot (partial unique index); these functions never check first.
import type { Db } from "../../db/client";
import { insertConsents, INTERVIEW_CONSENT, latestConsents } from "../../db/queries/consents";
import { cancelBooking, findActiveBooking, findEntryOfParticipant, findSlot, insertBooking, listFreeSlots, moveBooking, type BookingRow } from "../../db/queries/interviews";
import { participantCodes, type ParticipantMailInfo } from "../../db/queries/participants";
import { moveBoardEntry } from "../../db/queries/recruitment";
import { isUniqueViolation } from "../../db/query-errors";
import type { RecruitmentStatus } from "../../db/schema";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import { BOOKING_MESSAGES, INTERVIEW_CONSENT_WORDING_VERSION } from "../i18n/booking-messages";
import { isRespondentLanguage } from "../i18n/respondent-messages";
import { queueInterviewMails } from "./interview-mails";
import { interviewSettings } from "./interview-settings";

/** The consent kinds a booking records. */
export const INTERVIEW_CONSENTS = { interview: "interview", recording: "interview_recording" } as const;

/** Board statuses from which a person may book (they were asked, or asked again). */
const BOOKABLE: readonly RecruitmentStatus[] = ["invited", "agreed", "no_answer"];
const ROLE = { kind: "respondent" } as const;

export type BookingSlot = NonNullable<Awaited<ReturnType<typeof findSlot>>>;

export type BookingState =
  /** Withdrawn, not (or no longer) on the board, or no interview-contact consent: a calm page. */
  | { kind: "closed" }
  | {
      kind: "open";
      booking: (BookingRow & { slot: BookingSlot }) | null;
      /** Whether the booking may still be moved or cancelled (before the cut-off, or after a no-show). */
      changeable: boolean;
      changeHours: number;
      free: BookingSlot[];
    };

type Eligibility =
  | { kind: "closed" }
  | { kind: "open"; booking: (BookingRow & { slot: BookingSlot }) | null; changeable: boolean; changeHours: number };

/** Whether the person may book (or holds a booking), without the free slots: what the writes need. */
async function eligibility(db: Db, info: ParticipantMailInfo, now: Date): Promise<Eligibility> {
  if (info.withdrawnAt) return { kind: "closed" };
  const settings = interviewSettings(info.studySettings);
  const [active, entry, consents] = await Promise.all([
    findActiveBooking(db, info.studyId, info.participantId),
    findEntryOfParticipant(db, info.studyId, info.participantId),
    latestConsents(db, info.participantId, [INTERVIEW_CONSENT]),
  ]);
  const slot = active ? await findSlot(db, info.studyId, active.slotId) : null;
  if (!active || !slot) {
    if (!entry || !BOOKABLE.includes(entry.status as RecruitmentStatus) || consents[INTERVIEW_CONSENT] !== true) return { kind: "closed" };
  }
  const booking = active && slot ? { ...active, slot } : null;
  const changeable = booking ? booking.noShowAt !== null || booking.slot.startsAt.getTime() - settings.interviewChangeHours * 3_600_000 > now.getTime() : true;
  return { kind: "open", booking, changeable, changeHours: settings.interviewChangeHours };
}

/** What the person's booking page shows now. Reads only. */
export async function bookingState(db: Db, info: ParticipantMailInfo, now: Date): Promise<BookingState> {
  const [e, free] = await Promise.all([eligibility(db, info, now), listFreeSlots(db, info.studyId, now)]);
  return e.kind === "closed" ? e : { ...e, free };
}

export type BookingOutcome =
  | { ok: true; booking: BookingRow }
  | { ok: false; reason: "closed" | "taken" | "too_late" | "no_consent" };

/** A booking (or a rebooking after a no-show) puts the person at 'agreed' on the board, audited. */
async function boardToAgreed(tx: Db, info: ParticipantMailInfo, code: string, now: Date) {
  const entry = await findEntryOfParticipant(tx, info.studyId, info.participantId);
  if (!entry || !["invited", "no_answer"].includes(entry.status)) return;
  if (!(await moveBoardEntry(tx, { studyId: info.studyId, id: entry.id, from: entry.status as RecruitmentStatus, to: "agreed", at: now, now }))) return;
  await recordAudit(tx, ROLE, { studyId: info.studyId, action: "recruitment.step", target: code, filter: { from: entry.status, to: "agreed", by: "booking" }, rowCount: 1 }, now);
}

type Common = { info: ParticipantMailInfo; slotId: string; timeZone: string };

async function codeOf(db: Db, participantId: string) {
  return (await participantCodes(db, [participantId])).get(participantId) ?? "";
}

/**
 * Books `slotId` for the person with their consent to be interviewed (required) and, separately,
 * to be recorded and quoted, each kept with its wording, version and language; moves them to
 * 'agreed' on the board; queues the confirmation (.ics), the interviewer's notice and the
 * reminders. Of people booking the same slot at once, exactly one succeeds; the rest get
 * `taken` and nothing of theirs is kept. Audited as the respondent.
 */
export async function bookInterview(
  db: Db,
  b: Common & { language: string; consentInterview: boolean; consentRecording: boolean },
  now: Date,
): Promise<BookingOutcome> {
  const state = await eligibility(db, b.info, now);
  if (state.kind === "closed") return { ok: false, reason: "closed" };
  if (state.booking) return moveInterview(db, b, now);
  if (!b.consentInterview) return { ok: false, reason: "no_consent" };
  const language = isRespondentLanguage(b.language) ? b.language : "en";
  const settings = interviewSettings(b.info.studySettings);
  const { info } = b;
  return transaction(db, async (tx) => {
    const booking = await insertBooking(tx, { studyId: info.studyId, slotId: b.slotId, participantId: info.participantId, timeZone: b.timeZone, language, after: now, now });
    if (!booking) return { ok: false as const, reason: "taken" as const };
    const slot = (await findSlot(tx, info.studyId, booking.slotId))!;
    const t = BOOKING_MESSAGES[language];
    const consent = (kind: string, granted: boolean, wordingText: string) => ({
      participantId: info.participantId, studyId: info.studyId, kind, granted, wordingVersion: INTERVIEW_CONSENT_WORDING_VERSION,
      wordingText, language, method: "booking", recordedAt: now,
    });
    await insertConsents(tx, [consent(INTERVIEW_CONSENTS.interview, true, t.consentInterview), consent(INTERVIEW_CONSENTS.recording, b.consentRecording, t.consentRecording)]);
    const code = await codeOf(tx, info.participantId);
    await boardToAgreed(tx, info, code, now);
    await recordAudit(tx, ROLE, { studyId: info.studyId, action: "interview.booked", target: code, filter: { slot: slot.id, recording: b.consentRecording }, rowCount: 1 }, now);
    await queueInterviewMails(tx, { booking, slot, event: "booked", code, studySlug: info.studySlug, reminderHours: settings.interviewReminderHours }, now);
    return { ok: true as const, booking };
  });
}

/**
 * Moves the person's booking to `slotId` (the same calendar UID, SEQUENCE + 1): allowed until the
 * study's cut-off before the interview, or after a no-show. The new slot is taken the same way
 * as a booking (a unique violation means someone else has it: `taken`).
 */
export async function moveInterview(db: Db, b: Common, now: Date): Promise<BookingOutcome> {
  const state = await eligibility(db, b.info, now);
  if (state.kind === "closed" || !state.booking) return { ok: false, reason: "closed" };
  if (!state.changeable) return { ok: false, reason: "too_late" };
  const current = state.booking;
  if (current.slotId === b.slotId) return { ok: true, booking: current };
  const settings = interviewSettings(b.info.studySettings);
  const { info } = b;
  try {
    return await transaction(db, async (tx) => {
      const moved = await moveBooking(tx, { studyId: info.studyId, id: current.id, sequence: current.sequence, slotId: b.slotId, timeZone: b.timeZone, after: now, now });
      if (!moved) return { ok: false as const, reason: "taken" as const };
      const slot = (await findSlot(tx, info.studyId, moved.slotId))!;
      const code = await codeOf(tx, info.participantId);
      await boardToAgreed(tx, info, code, now);
      await recordAudit(tx, ROLE, { studyId: info.studyId, action: "interview.moved", target: code, filter: { from: current.slotId, to: slot.id }, rowCount: 1 }, now);
      await queueInterviewMails(tx, { booking: moved, slot, event: "moved", code, studySlug: info.studySlug, reminderHours: settings.interviewReminderHours }, now);
      if (current.slot.interviewerId !== slot.interviewerId) {
        // The first interviewer's calendar loses the event.
        await queueInterviewMails(tx, { booking: { ...moved }, slot: current.slot, event: "cancelled", code, studySlug: info.studySlug, reminderHours: [], staffOnly: true }, now);
      }
      return { ok: true as const, booking: moved };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, reason: "taken" };
    throw e;
  }
}

/** Cancels the person's booking (until the cut-off, or after a no-show), with the cancelling .ics to both sides. */
export async function cancelInterview(db: Db, info: ParticipantMailInfo, now: Date): Promise<BookingOutcome> {
  const state = await eligibility(db, info, now);
  if (state.kind === "closed" || !state.booking) return { ok: false, reason: "closed" };
  if (!state.changeable) return { ok: false, reason: "too_late" };
  const current = state.booking;
  return transaction(db, async (tx) => {
    const cancelled = await cancelBooking(tx, { studyId: info.studyId, id: current.id, by: "person", now });
    if (!cancelled) return { ok: false as const, reason: "closed" as const };
    const code = await codeOf(tx, info.participantId);
    await recordAudit(tx, ROLE, { studyId: info.studyId, action: "interview.cancelled", target: code, filter: { slot: current.slotId, by: "person" }, rowCount: 1 }, now);
    await queueInterviewMails(tx, { booking: cancelled, slot: current.slot, event: "cancelled", code, studySlug: info.studySlug, reminderHours: [] }, now);
    return { ok: true as const, booking: cancelled };
  });
}
