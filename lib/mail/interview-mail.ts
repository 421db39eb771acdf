// The interview emails' data as queued (lib/recruitment/interview-mails.ts writes it) and the
// calendar file built from it at send time: the queued row holds the booking's id, sequence and
// slot, never an address; the recipient is added here. Pure.
import type { InterviewEvent, InterviewMode } from "../../emails/interview-booking";
import { writeIcs } from "./ics";
import type { MailAttachment } from "./transport";

const MODES: readonly InterviewMode[] = ["phone", "video", "in_person"];
const EVENTS: readonly InterviewEvent[] = ["booked", "moved", "cancelled", "reminder"];

const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);

/** The slot's facts as the templates take them. */
export function interviewFacts(d: Record<string, unknown>) {
  const mode = MODES.includes(d.mode as InterviewMode) ? (d.mode as InterviewMode) : "video";
  const event = EVENTS.includes(d.event as InterviewEvent) ? (d.event as InterviewEvent) : "booked";
  return {
    event,
    startsAt: new Date(String(d.startsAt)),
    minutes: Number(d.minutes) || 60,
    mode,
    videoUrl: str(d.videoUrl),
    place: str(d.place),
  };
}

/** The interviewer is told of bookings, moves and cancellations (no reminders). */
export function interviewStaffEvent(d: Record<string, unknown>): "booked" | "moved" | "cancelled" {
  const e = interviewFacts(d).event;
  return e === "reminder" ? "booked" : e;
}

/**
 * The .ics of one version of a booking: UID from the booking id (the same for every version),
 * SEQUENCE as queued, METHOD:CANCEL when it was cancelled.
 */
export function interviewCalendar(
  s: { publicUrl: string },
  d: Record<string, unknown>,
  organizer: { email: string; name?: string | null },
  studyName: string,
  attendee: string | null,
): MailAttachment {
  const f = interviewFacts(d);
  const cancel = f.event === "cancelled";
  const content = writeIcs({
    uid: `${String(d.bookingId)}@${new URL(s.publicUrl).hostname}`,
    sequence: Number(d.sequence) || 0,
    method: cancel ? "CANCEL" : "REQUEST",
    start: f.startsAt,
    end: new Date(f.startsAt.getTime() + f.minutes * 60_000),
    stamp: new Date(String(d.stamp ?? d.startsAt)),
    summary: `${studyName}: interview`,
    location: f.mode === "video" ? f.videoUrl : f.mode === "in_person" ? f.place : null,
    url: f.mode === "video" ? f.videoUrl : null,
    organizer,
    attendee: attendee ? { email: attendee } : null,
  });
  return { filename: cancel ? "interview-cancelled.ics" : "interview.ics", contentType: `text/calendar; charset=utf-8; method=${cancel ? "CANCEL" : "REQUEST"}`, content };
}
