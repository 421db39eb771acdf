// The emails of one version of a booking, queued in the booking's transaction: the person's
// confirmation (or move, or cancellation) with its .ics, the interviewer's notice with its own,
// and the reminders. Every key holds the booking id and its sequence, so each version's mail is
// queued once, and a reminder of an older version is dropped at send time (decide-delivery.ts).
import type { Db } from "../../db/client";
import { insertOutbox } from "../../db/queries/outbox";
import type { BookingRow } from "../../db/queries/interviews";
import type { InterviewMode } from "../../db/schema";
import { queueParticipantMail } from "../mail/queue-mail";
import { nudge } from "../nudge/nudge";

export type MailSlot = { id: string; startsAt: Date; minutes: number; mode: InterviewMode; videoUrl: string | null; place: string | null; interviewerId: string; timeZone: string };

/**
 * Queues the mail of `booking` as it now is (event booked, moved or cancelled) on `slot`. The
 * reminders (hours before the start, from the study's settings) are queued only for bookings
 * still on, each not before its time; one whose time has passed already is not queued.
 */
export async function queueInterviewMails(
  db: Db,
  m: { booking: BookingRow; slot: MailSlot; event: "booked" | "moved" | "cancelled"; code: string; studySlug: string; reminderHours: number[]; staffOnly?: boolean },
  now: Date,
): Promise<void> {
  const { booking: b, slot } = m;
  const facts = {
    bookingId: b.id, sequence: b.sequence, startsAt: slot.startsAt.toISOString(), minutes: slot.minutes, mode: slot.mode,
    videoUrl: slot.videoUrl, place: slot.place, stamp: now.toISOString(),
  };
  if (!m.staffOnly) await queueParticipantMail(db, {
    participantId: b.participantId, kind: "interview_booking", number: b.sequence, template: "interview-booking", consentKind: null,
    data: { ...facts, event: m.event, personTimeZone: b.timeZone },
    idempotencyKey: `interview-booking:${b.id}:${b.sequence}`,
  }, now);
  if (m.event !== "cancelled" && !m.staffOnly) {
    for (const h of new Set(m.reminderHours)) {
      const at = new Date(slot.startsAt.getTime() - h * 3_600_000);
      if (at <= now) continue;
      await queueParticipantMail(db, {
        participantId: b.participantId, kind: "interview_reminder", number: h, template: "interview-booking", consentKind: null,
        data: { ...facts, event: "reminder", personTimeZone: b.timeZone, hoursBefore: h },
        idempotencyKey: `interview-reminder:${b.id}:${b.sequence}:${h}`, notBefore: at,
      }, now);
    }
  }
  const n = await insertOutbox(db, [{
    studyId: b.studyId, userId: slot.interviewerId, kind: "interview_notice", number: b.sequence, template: "interview-notice", language: "en",
    data: { ...facts, event: m.event, code: m.code, studySlug: m.studySlug, timeZone: slot.timeZone },
    idempotencyKey: `interview-notice:${b.id}:${b.sequence}${m.staffOnly ? `:${slot.id}` : ""}`, nextAttemptAt: now,
  }]);
  if (n > 0) nudge("outbox");
}
