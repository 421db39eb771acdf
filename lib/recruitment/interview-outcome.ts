// After the interview: its interviewer (or an admin) records it as held, which moves the person
// to 'interviewed' with a note, or as a no-show, which moves them to 'no answer' after the
// study's set time unless they rebook meanwhile (sweepNoShows, a step of the reconcile job).
import { z } from "zod";
import type { Db } from "../../db/client";
import { INTERVIEW_CONSENT } from "../../db/queries/consents";
import { findBooking, findDueNoShows, findEntryOfParticipant, findSlot, markBookingOutcome } from "../../db/queries/interviews";
import { appendBoardNote, findBoardEntry, moveBoardEntry } from "../../db/queries/recruitment";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { isAdmin, studyForUser } from "../auth/permissions";
import { Conflict, Forbidden, InvalidInput, NotFound } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { isoDay } from "../i18n/format-date";
import { studyTimeZone } from "../i18n/study-time-zone";
import { applyStep, auditNote } from "./apply-step";
import { DEFAULT_NO_SHOW_HOURS } from "./interview-settings";

export const outcomeInputSchema = z.object({
  booking: z.uuid(),
  outcome: z.enum(["held", "no_show"], "Choose what happened"),
  note: z.string().trim().max(1000, "Keep the note under 1000 characters").optional().or(z.literal("")).transform((v) => v || null),
});
export type OutcomeInput = z.input<typeof outcomeInputSchema>;

/**
 * Records what came of a booked interview that has started. Held: the person moves to
 * 'interviewed' (from 'agreed'), the note is added to their board notes. No-show: recorded on
 * the booking; the board follows later (sweepNoShows). The slot's interviewer or an admin; audited.
 */
export async function recordInterviewOutcome(db: Db, user: StaffUser, slug: string, input: OutcomeInput, now: Date) {
  const study = await studyForUser(db, user, slug);
  const o = parseInput(outcomeInputSchema, input);
  const booking = await findBooking(db, study.id, o.booking);
  if (!booking || booking.cancelledAt) throw new NotFound("No such booking");
  const slot = (await findSlot(db, study.id, booking.slotId))!;
  if (slot.interviewerId !== user.id && !isAdmin(user)) throw new Forbidden("Only the interviewer or an admin may record this");
  if (slot.startsAt > now) throw new InvalidInput("The interview has not started yet", [{ path: "outcome", message: "Record this once the interview has started" }]);
  const ref = await findEntryOfParticipant(db, study.id, booking.participantId);
  const entry = ref ? await findBoardEntry(db, study.id, ref.id, INTERVIEW_CONSENT) : null;
  const timeZone = studyTimeZone(study.settings);
  return transaction(db, async (tx) => {
    if (!(await markBookingOutcome(tx, { studyId: study.id, id: booking.id, outcome: o.outcome, now }))) throw new Conflict("This interview's outcome is already recorded");
    const code = entry?.code ?? "";
    if (o.outcome === "held" && entry && entry.status !== "interviewed") {
      if (entry.status !== "agreed") throw new Conflict(`${entry.code} is not 'agreed' on the board; record the step there`);
      await applyStep(tx, user, { studyId: study.id, timeZone, entry, to: "interviewed", at: now }, now);
    }
    if (o.note && entry) {
      const line = `${isoDay(now, timeZone)} ${o.outcome === "held" ? "Interview held" : "No-show"}: ${o.note}`;
      await appendBoardNote(tx, study.id, entry.id, line, now);
      await auditNote(tx, user, study.id, entry.code, "appended", line.length, now);
    }
    await recordAudit(tx, user, { studyId: study.id, action: o.outcome === "held" ? "interview.held" : "interview.no_show", target: code, filter: { slot: slot.id }, rowCount: 1 }, now);
    return { outcome: o.outcome };
  });
}

/**
 * Moves people recorded as no-show to 'no answer' once the study's interviewNoShowHours have
 * passed, unless they rebooked (a move clears the mark) or someone moved them on the board.
 * Idempotent: the move is conditional on 'agreed'. Audited as the system. Returns how many moved.
 */
export async function sweepNoShows(db: Db, now: Date, batch = 200): Promise<number> {
  let moved = 0;
  for (const d of await findDueNoShows(db, now, DEFAULT_NO_SHOW_HOURS, batch)) {
    await transaction(db, async (tx) => {
      if (!(await moveBoardEntry(tx, { studyId: d.studyId, id: d.entryId, from: "agreed", to: "no_answer", at: now, now }))) return;
      await recordAudit(tx, { kind: "system" }, { studyId: d.studyId, action: "recruitment.step", target: d.code, filter: { from: "agreed", to: "no_answer", by: "no_show" }, rowCount: 1 }, now);
      moved++;
    });
  }
  return moved;
}
