// Recording a step on the recruitment board (agreed, interviewed, declined, no answer) and notes.
import { z } from "zod";
import type { Db } from "../../db/client";
import { INTERVIEW_CONSENT } from "../../db/queries/consents";
import { findBoardEntry, moveBoardEntry, setBoardNotes } from "../../db/queries/recruitment";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { Conflict, InvalidInput, NotFound } from "../errors/app-error";
import { canMove, RECRUITMENT_STATUSES, STATUS_LABELS } from "./recruitment-transitions";
import { parseInput } from "../errors/zod-issues";

export const boardUpdateSchema = z.object({
  id: z.uuid(),
  /** The new status; leave out to change only the notes. */
  to: z.enum(RECRUITMENT_STATUSES).optional(),
  /** The day the step happened ('YYYY-MM-DD'); default: now. */
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  notes: z.string().max(4000, "Keep notes under 4000 characters").optional(),
});
export type BoardUpdate = z.input<typeof boardUpdateSchema>;

/**
 * Moves one board entry along the state machine (docs/recruitment.md) and/or saves its notes.
 * Optimistic: a step recorded by someone else first answers Conflict. Withdrawn people are not
 * on the board (NotFound). Researchers of the study and admins may call it.
 */
export async function updateBoardEntry(db: Db, user: StaffUser, slug: string, input: BoardUpdate, now: Date) {
  const study = await studyForUser(db, user, slug);
  const u = parseInput(boardUpdateSchema, input);
  const entry = await findBoardEntry(db, study.id, u.id, INTERVIEW_CONSENT);
  if (!entry) throw new NotFound("Not on the recruitment board");
  const notes = u.notes === undefined ? undefined : u.notes.trim() || null;
  if (!u.to || u.to === entry.status) {
    if (notes !== undefined) await setBoardNotes(db, study.id, entry.id, notes, now);
    return { status: entry.status };
  }
  if (!canMove(entry.status, u.to)) {
    const why = u.to === "invited" ? "use “Send interview request” to invite" : `not from ${STATUS_LABELS[entry.status]}`;
    throw new InvalidInput("This step is not possible", [{ path: "to", message: `${STATUS_LABELS[u.to]}: ${why}` }]);
  }
  const at = u.at ? new Date(`${u.at}T12:00:00Z`) : now;
  if (u.at && Number.isNaN(at.getTime())) throw new InvalidInput("Check the date", [{ path: "at", message: "Not a real date" }]);
  const moved = await moveBoardEntry(db, { studyId: study.id, id: entry.id, from: entry.status, to: u.to, notes, at, now });
  if (!moved) throw new Conflict("Someone else changed this entry first; reload and try again");
  return { status: u.to };
}
