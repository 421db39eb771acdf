// Recording a step on the recruitment board (agreed, interviewed, declined, no answer) and notes.
import { z } from "zod";
import type { Db } from "../../db/client";
import { INTERVIEW_CONSENT } from "../../db/queries/consents";
import { findBoardEntry, setBoardNotes } from "../../db/queries/recruitment";
import { transaction } from "../../db/transaction";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput, NotFound } from "../errors/app-error";
import { studyTimeZone } from "../i18n/study-time-zone";
import { RECRUITMENT_STATUSES } from "./recruitment-transitions";
import { parseInput } from "../errors/zod-issues";
import { applyStep, auditNote, stepRefusal } from "./apply-step";
import { DAY_PATTERN, stepMoment } from "./step-date";

/** A step's day as entered: 'YYYY-MM-DD', or empty/absent for today. */
export const stepDaySchema = z
  .string()
  .regex(DAY_PATTERN, "Enter a date as YYYY-MM-DD")
  .optional()
  .or(z.literal("").transform(() => undefined))
  .describe("The day the step happened (YYYY-MM-DD, in the study's time zone; not in the future); default: today");

export const boardUpdateSchema = z.object({
  id: z.uuid(),
  /** The new status; leave out to change only the notes. */
  to: z.enum(RECRUITMENT_STATUSES).optional(),
  at: stepDaySchema,
  notes: z.string().max(4000, "Keep notes under 4000 characters").optional().describe("Replaces the entry's notes"),
});
export type BoardUpdate = z.input<typeof boardUpdateSchema>;

/**
 * Moves one board entry along the state machine (docs/recruitment.md) and/or saves its notes, in
 * one transaction, each change audited. The day may not be in the future (study's time zone).
 * Optimistic: a step recorded by someone else first answers Conflict. Withdrawn people are not
 * on the board (NotFound). Researchers of the study and admins may call it.
 */
export async function updateBoardEntry(db: Db, user: StaffUser, slug: string, input: BoardUpdate, now: Date) {
  const study = await studyForUser(db, user, slug);
  const u = parseInput(boardUpdateSchema, input);
  const timeZone = studyTimeZone(study.settings);
  const entry = await findBoardEntry(db, study.id, u.id, INTERVIEW_CONSENT);
  if (!entry) throw new NotFound("Not on the recruitment board");
  const notes = u.notes === undefined ? undefined : u.notes.trim() || null;
  const step = u.to && u.to !== entry.status ? u.to : null;
  if (step) {
    const why = stepRefusal(entry, step);
    if (why) throw new InvalidInput("This step is not possible", [{ path: "to", message: why }]);
  }
  const at = stepMoment(u.at, now, timeZone);
  return transaction(db, async (tx) => {
    if (step) await applyStep(tx, user, { studyId: study.id, timeZone, entry, to: step, at, notes }, now);
    else if (notes !== undefined) await setBoardNotes(tx, study.id, entry.id, notes, now);
    if (notes !== undefined && notes !== entry.notes) await auditNote(tx, user, study.id, entry.code, "replaced", notes?.length ?? 0, now);
    return { status: step ?? entry.status };
  });
}
