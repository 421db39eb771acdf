// The board's bulk change: one step (with its day and an optional note) for several people at
// once, all or nothing.
import { z } from "zod";
import type { Db } from "../../db/client";
import { INTERVIEW_CONSENT } from "../../db/queries/consents";
import { appendBoardNote, findBoardEntries } from "../../db/queries/recruitment";
import { transaction } from "../../db/transaction";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { isoDay } from "../i18n/format-date";
import { studyTimeZone } from "../i18n/study-time-zone";
import { applyStep, auditNote, stepRefusal } from "./apply-step";
import { STATUS_LABELS } from "./recruitment-transitions";
import { stepMoment } from "./step-date";
import { stepDaySchema } from "./update-board-entry";

/** Steps recorded by hand; `invited` comes only from sending the request (email shown first). */
export const MANUAL_STEPS = ["agreed", "interviewed", "declined", "no_answer"] as const;
export const BULK_LIMIT = 500;

export const stepsInputSchema = z.object({
  entries: z.array(z.uuid()).min(1, "Choose at least one person").max(BULK_LIMIT, `At most ${BULK_LIMIT} people at once`).describe("Board entry ids"),
  to: z.enum(MANUAL_STEPS, "Choose the step to record").optional().or(z.literal("").transform(() => undefined)).describe("The step; leave out to add only the note"),
  at: stepDaySchema,
  note: z.string().trim().max(1000, "Keep the note under 1000 characters").optional().describe("Added as a dated line to each person's notes"),
}).refine((s) => s.to || s.note, { path: ["to"], message: "Choose a step to record, or write a note" });
export type StepsInput = z.input<typeof stepsInputSchema>;

/**
 * Records `to` for every chosen entry in one transaction: if any one cannot take the step (its
 * status does not allow it, it left the board, someone else moved it first) nothing is saved and
 * every refusal is named (path `entries`, the person's code). The day may not be in the future
 * in the study's time zone. Each step, and each note, is audited. Researchers and admins.
 */
export async function recordSteps(db: Db, user: StaffUser, slug: string, input: StepsInput, now: Date) {
  const study = await studyForUser(db, user, slug);
  const s = parseInput(stepsInputSchema, input);
  const timeZone = studyTimeZone(study.settings);
  const at = stepMoment(s.at, now, timeZone);
  const ids = [...new Set(s.entries)];
  const found = new Map((await findBoardEntries(db, study.id, ids, INTERVIEW_CONSENT)).map((e) => [e.id, e]));
  const to = s.to;
  const refusals = ids.flatMap((id) => {
    const e = found.get(id);
    const why = !e ? "One of the chosen people is no longer on the board (withdrawn or taken back)" : to ? stepRefusal(e, to) : null;
    return why ? [{ path: "entries", message: why }] : [];
  });
  if (refusals.length) {
    throw new InvalidInput(`Nothing was saved: ${refusals.length} of ${ids.length} cannot be ${to ? `marked ${STATUS_LABELS[to].toLowerCase()}` : "noted"}`, refusals);
  }
  const line = s.note ? `${isoDay(at, timeZone)}${to ? ` ${STATUS_LABELS[to]}` : ""}: ${s.note}` : null;
  return transaction(db, async (tx) => {
    for (const id of ids) {
      const entry = found.get(id)!;
      if (to) await applyStep(tx, user, { studyId: study.id, timeZone, entry, to, at }, now);
      if (line) {
        await appendBoardNote(tx, study.id, id, line, now);
        await auditNote(tx, user, study.id, entry.code, "appended", line.length, now);
      }
    }
    return { status: to ?? null, updated: ids.map((id) => ({ id, code: found.get(id)!.code })) };
  });
}
