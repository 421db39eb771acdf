// One recorded step on the board, moved and audited: shared by the single update (the API's
// PATCH) and the bulk change (the board's checkboxes, the API's steps).
import type { Db } from "../../db/client";
import { moveBoardEntry, type BoardEntry } from "../../db/queries/recruitment";
import type { RecruitmentStatus } from "../../db/schema";
import type { StaffUser } from "../auth/current-user";
import { recordAudit } from "../audit/record-audit";
import { Conflict } from "../errors/app-error";
import { isoDay } from "../i18n/format-date";
import { canMove, STATUS_LABELS } from "./recruitment-transitions";

/** Why `to` cannot follow the entry's status, or null when it can. */
export function stepRefusal(entry: Pick<BoardEntry, "code" | "status">, to: RecruitmentStatus): string | null {
  if (canMove(entry.status, to)) return null;
  if (to === "invited") return `${entry.code}: use “Send interview request” to invite (the email is shown first)`;
  return `${entry.code} is ${STATUS_LABELS[entry.status].toLowerCase()}; ${STATUS_LABELS[to].toLowerCase()} cannot follow`;
}

/**
 * Moves the entry (optimistic: Conflict when someone else moved it first) and records the step
 * in the audit log (code, from, to, the day). `notes` replaces the notes in the same update.
 */
export async function applyStep(
  tx: Db,
  user: StaffUser,
  s: { studyId: string; timeZone: string; entry: BoardEntry; to: RecruitmentStatus; at: Date; notes?: string | null },
  now: Date,
): Promise<void> {
  const { entry, to } = s;
  const moved = await moveBoardEntry(tx, { studyId: s.studyId, id: entry.id, from: entry.status, to, notes: s.notes, at: s.at, now });
  if (!moved) throw new Conflict(`Someone else changed ${entry.code} first; reload and try again`);
  await recordAudit(tx, user, {
    studyId: s.studyId, action: "recruitment.step", target: entry.code,
    filter: { from: entry.status, to, day: isoDay(s.at, s.timeZone) }, rowCount: 1,
  }, now);
}

/** Records that notes changed (their length, not their words: the audit log holds no free text). */
export function auditNote(tx: Db, user: StaffUser, studyId: string, code: string, how: "replaced" | "appended", chars: number, now: Date) {
  return recordAudit(tx, user, { studyId, action: "recruitment.note", target: code, filter: { how }, rowCount: 1, outcome: { chars } }, now);
}
