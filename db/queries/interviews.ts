// Interview slots and bookings. One active booking per slot (and per person) is enforced by the
// partial unique indexes of db/schema/interviews.ts: these queries never check before writing.
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { interviewBookings, interviewSlots, type InterviewMode } from "../schema";
import { toDate, toNumber, ts } from "./raw";

export type SlotInsert = typeof interviewSlots.$inferInsert;

export async function insertSlot(db: Db, row: SlotInsert): Promise<string> {
  const [r] = await db.insert(interviewSlots).values(row).returning({ id: interviewSlots.id });
  return r.id;
}

export type SlotRow = {
  id: string;
  studyId: string;
  interviewerId: string;
  interviewerName: string | null;
  startsAt: Date;
  minutes: number;
  mode: InterviewMode;
  videoUrl: string | null;
  place: string | null;
  languages: string[];
  timeZone: string;
  withdrawnAt: Date | null;
};

const slotCols = {
  id: interviewSlots.id, studyId: interviewSlots.studyId, interviewerId: interviewSlots.interviewerId, startsAt: interviewSlots.startsAt,
  minutes: interviewSlots.minutes, mode: interviewSlots.mode, videoUrl: interviewSlots.videoUrl, place: interviewSlots.place,
  languages: interviewSlots.languages, timeZone: interviewSlots.timeZone, withdrawnAt: interviewSlots.withdrawnAt,
};

export async function findSlot(db: Db, studyId: string, id: string): Promise<Omit<SlotRow, "interviewerName"> | null> {
  const [r] = await db.select(slotCols).from(interviewSlots).where(and(eq(interviewSlots.studyId, studyId), eq(interviewSlots.id, id))).limit(1);
  return r ?? null;
}

/** Offered slots starting after `after` with no active booking, soonest first. */
export async function listFreeSlots(db: Db, studyId: string, after: Date, limit = 200): Promise<Omit<SlotRow, "interviewerName">[]> {
  return db
    .select(slotCols)
    .from(interviewSlots)
    .where(and(
      eq(interviewSlots.studyId, studyId), isNull(interviewSlots.withdrawnAt), gt(interviewSlots.startsAt, after),
      sql`not exists (select 1 from interview_bookings b where b.slot_id = ${interviewSlots.id} and b.cancelled_at is null)`,
    ))
    .orderBy(asc(interviewSlots.startsAt))
    .limit(limit);
}

export type StaffSlotRow = SlotRow & {
  bookingId: string | null;
  code: string | null;
  participantId: string | null;
  heldAt: Date | null;
  noShowAt: Date | null;
  /** The booked person's encrypted email (decrypt only where the reader may see it). */
  emailEncrypted: string | null;
};

/** A study's slots from `from` on (all when null), with their active booking and the person's code. */
export async function listStudySlots(db: Db, studyId: string, from: Date | null): Promise<StaffSlotRow[]> {
  const rows = await executeRows(
    db,
    sql`select s.id, s.study_id, s.interviewer_id, u.name as interviewer_name, s.starts_at, s.minutes, s.mode, s.video_url, s.place,
               s.languages, s.time_zone, s.withdrawn_at, b.id as booking_id, p.code, b.participant_id, b.held_at, b.no_show_at, c.email_encrypted
        from interview_slots s
        left join users u on u.id = s.interviewer_id
        left join interview_bookings b on b.slot_id = s.id and b.cancelled_at is null
        left join participants p on p.id = b.participant_id
        left join contacts c on c.participant_id = b.participant_id
        where s.study_id = ${studyId} ${from ? sql`and s.starts_at >= ${ts(from)}` : sql``}
        order by s.starts_at, s.id`,
  );
  return rows.map((r) => ({
    id: r.id as string, studyId: r.study_id as string, interviewerId: r.interviewer_id as string, interviewerName: (r.interviewer_name as string) ?? null,
    startsAt: toDate(r.starts_at)!, minutes: toNumber(r.minutes), mode: r.mode as InterviewMode, videoUrl: (r.video_url as string) ?? null,
    place: (r.place as string) ?? null, languages: (r.languages as string[]) ?? [], timeZone: r.time_zone as string, withdrawnAt: toDate(r.withdrawn_at),
    bookingId: (r.booking_id as string) ?? null, code: (r.code as string) ?? null, participantId: (r.participant_id as string) ?? null,
    heldAt: toDate(r.held_at), noShowAt: toDate(r.no_show_at), emailEncrypted: (r.email_encrypted as string) ?? null,
  }));
}

export async function withdrawSlot(db: Db, studyId: string, id: string, now: Date): Promise<boolean> {
  const r = await db.update(interviewSlots).set({ withdrawnAt: now })
    .where(and(eq(interviewSlots.studyId, studyId), eq(interviewSlots.id, id), isNull(interviewSlots.withdrawnAt)))
    .returning({ id: interviewSlots.id });
  return r.length === 1;
}

export type BookingRow = typeof interviewBookings.$inferSelect;

/** The person's active booking in the study, if any. */
export async function findActiveBooking(db: Db, studyId: string, participantId: string): Promise<BookingRow | null> {
  const [r] = await db.select().from(interviewBookings)
    .where(and(eq(interviewBookings.studyId, studyId), eq(interviewBookings.participantId, participantId), isNull(interviewBookings.cancelledAt)))
    .limit(1);
  return r ?? null;
}

export async function findBooking(db: Db, studyId: string, id: string): Promise<BookingRow | null> {
  const [r] = await db.select().from(interviewBookings).where(and(eq(interviewBookings.studyId, studyId), eq(interviewBookings.id, id))).limit(1);
  return r ?? null;
}

/**
 * Books the slot when it is offered, starts after `after`, and neither it nor the person has an
 * active booking: one INSERT … SELECT … ON CONFLICT DO NOTHING, so of many people booking the
 * same slot at once exactly one row is written (the partial unique index decides). Returns the
 * booking, or null when nothing was written.
 */
export async function insertBooking(
  db: Db,
  b: { studyId: string; slotId: string; participantId: string; timeZone: string; language: string; after: Date; now: Date },
): Promise<BookingRow | null> {
  const rows = await executeRows<{ id: string }>(
    db,
    sql`insert into interview_bookings (study_id, slot_id, participant_id, time_zone, language, booked_at, updated_at)
        select ${b.studyId}, s.id, ${b.participantId}, ${b.timeZone}, ${b.language}, ${ts(b.now)}, ${ts(b.now)}
        from interview_slots s
        where s.id = ${b.slotId} and s.study_id = ${b.studyId} and s.withdrawn_at is null and s.starts_at > ${ts(b.after)}
        on conflict do nothing
        returning id`,
  );
  return rows[0] ? findBooking(db, b.studyId, rows[0].id) : null;
}

/**
 * Moves an active booking to another slot (same row, so the calendar UID stays; sequence + 1).
 * The UPDATE fails with a unique violation (23505) when the slot is taken: callers run it in a
 * savepoint. Returns null when the target is not offered, is past `after`, or the booking changed.
 */
export async function moveBooking(
  db: Db,
  b: { studyId: string; id: string; sequence: number; slotId: string; timeZone: string; after: Date; now: Date },
): Promise<BookingRow | null> {
  const rows = await executeRows<{ id: string }>(
    db,
    sql`update interview_bookings set slot_id = ${b.slotId}, time_zone = ${b.timeZone}, sequence = sequence + 1, no_show_at = null, updated_at = ${ts(b.now)}
        where id = ${b.id} and study_id = ${b.studyId} and cancelled_at is null and sequence = ${b.sequence}
          and exists (select 1 from interview_slots s where s.id = ${b.slotId} and s.study_id = ${b.studyId} and s.withdrawn_at is null and s.starts_at > ${ts(b.after)})
        returning id`,
  );
  return rows[0] ? findBooking(db, b.studyId, rows[0].id) : null;
}

/** Cancels an active booking (sequence + 1). Returns the cancelled row, or null when it was not active. */
export async function cancelBooking(db: Db, b: { studyId: string; id: string; by: "person" | "staff"; now: Date }): Promise<BookingRow | null> {
  const [r] = await db.update(interviewBookings)
    .set({ cancelledAt: b.now, cancelledBy: b.by, sequence: sql`${interviewBookings.sequence} + 1`, updatedAt: b.now })
    .where(and(eq(interviewBookings.studyId, b.studyId), eq(interviewBookings.id, b.id), isNull(interviewBookings.cancelledAt)))
    .returning();
  return r ?? null;
}

export async function markBookingOutcome(db: Db, b: { studyId: string; id: string; outcome: "held" | "no_show"; now: Date }): Promise<boolean> {
  const r = await db.update(interviewBookings)
    .set(b.outcome === "held" ? { heldAt: b.now, noShowAt: null, updatedAt: b.now } : { noShowAt: b.now, updatedAt: b.now })
    .where(and(eq(interviewBookings.studyId, b.studyId), eq(interviewBookings.id, b.id), isNull(interviewBookings.cancelledAt), isNull(interviewBookings.heldAt)))
    .returning({ id: interviewBookings.id });
  return r.length === 1;
}

/**
 * Bookings marked no-show at least the study's settings.interviewNoShowHours (default
 * `defaultHours`) before `now` whose person is still 'agreed' on the board (not rescheduled
 * since: a move clears no_show_at), across studies, in batches.
 */
export async function findDueNoShows(db: Db, now: Date, defaultHours: number, limit: number) {
  const rows = await executeRows(
    db,
    sql`select b.id, b.study_id, rc.id as entry_id, p.code
        from interview_bookings b
        join recruitment rc on rc.study_id = b.study_id and rc.participant_id = b.participant_id and rc.status = 'agreed'
        join participants p on p.id = b.participant_id and p.withdrawn_at is null
        join studies s on s.id = b.study_id
        where b.cancelled_at is null and b.held_at is null and b.no_show_at is not null and b.no_show_at <= ${ts(now)} - make_interval(hours => coalesce(case when (s.settings->>'interviewNoShowHours') ~ '^[0-9]{1,4}$' then (s.settings->>'interviewNoShowHours')::int end, ${defaultHours}))
        order by b.no_show_at limit ${limit}`,
  );
  return rows.map((r) => ({ id: r.id as string, studyId: r.study_id as string, entryId: r.entry_id as string, code: r.code as string }));
}

/** The board entry id and status of a participant in a study, or null when they are not on the board. */
export async function findEntryOfParticipant(db: Db, studyId: string, participantId: string) {
  const [r] = await executeRows(db, sql`select id, status from recruitment where study_id = ${studyId} and participant_id = ${participantId}`);
  return r ? { id: r.id as string, status: r.status as string } : null;
}
