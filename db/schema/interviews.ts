// Interviews: the slots researchers publish and the bookings participants make through /b/<token>
// (docs/interviews.md). One active booking per slot and per person is the database's job.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants } from "./panel";
import { studies } from "./studies";

export type InterviewMode = "phone" | "video" | "in_person";

/**
 * A time an interviewer offers. Holds no participant's personal data: the interviewer (a staff
 * user), the time, the mode and its video link or place. Erasure rules need not touch it.
 */
export const interviewSlots = pgTable(
  "interview_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    /** The staff user who interviews (users.id). */
    interviewerId: text("interviewer_id").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    minutes: integer("minutes").notNull(),
    mode: text("mode").$type<InterviewMode>().notNull(),
    /** The video link (mode video) or the place (mode in_person); null for phone. */
    videoUrl: text("video_url"),
    place: text("place"),
    /** Languages the interviewer can interview in (respondent language codes). */
    languages: jsonb("languages").$type<string[]>().notNull().default([]),
    /** The interviewer's own IANA time zone, in which the slot was entered. */
    timeZone: text("time_zone").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Withdrawn by staff: no longer offered (an active booking is cancelled with it). */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [index("interview_slots_study_start_idx").on(t.studyId, t.startsAt)],
);

/**
 * A participant's booking. HOLDS PERSONAL DATA (who is interviewed when, their time zone and
 * language): erase or delete with the participant (the foreign key cascades). A reschedule moves
 * the same row to another slot and raises `sequence`, so the calendar UID stays; a cancellation
 * sets cancelledAt. The partial unique indexes make a slot, and a person, hold one active booking.
 */
export const interviewBookings = pgTable(
  "interview_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    slotId: uuid("slot_id").notNull().references(() => interviewSlots.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    /** The person's IANA time zone, as chosen on the booking page. */
    timeZone: text("time_zone").notNull(),
    language: text("language").notNull(),
    /** RFC 5545 SEQUENCE of the calendar event: 0 when booked, +1 per reschedule or cancel. */
    sequence: integer("sequence").notNull().default(0),
    bookedAt: timestamp("booked_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** "person" (from the link) or "staff". */
    cancelledBy: text("cancelled_by"),
    /** The interviewer recorded the interview as held. */
    heldAt: timestamp("held_at", { withTimezone: true }),
    /** The interviewer recorded that the person did not come; the board follows later (no answer). */
    noShowAt: timestamp("no_show_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("interview_bookings_slot_active_uq").on(t.slotId).where(sql`${t.cancelledAt} is null`),
    uniqueIndex("interview_bookings_person_active_uq").on(t.studyId, t.participantId).where(sql`${t.cancelledAt} is null`),
    index("interview_bookings_participant_idx").on(t.participantId),
  ],
);
