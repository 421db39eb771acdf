// "Delete my answers too" on the withdraw page and "Ask the team to delete my data" on My details:
// a request that reaches the admins, never a deletion by itself. Answers are deleted only by an admin, who sees the request on /admin and
// in the audit log (docs/decisions.md).
import type { Db } from "../../db/client";
import { participantCodes } from "../../db/queries/participants";
import { recordAudit } from "../audit/record-audit";

export const ERASURE_REQUESTED = "participant.erasure_requested";

/** Records the respondent's request (by participant code, never an address); returns the entry id. */
export async function requestAnswerErasure(db: Db, r: { studyId: string; participantId: string; waveId: string | null; language: string; from?: "details"; now: Date }): Promise<number> {
  const codes = await participantCodes(db, [r.participantId]);
  return recordAudit(
    db,
    { kind: "respondent" },
    { studyId: r.studyId, action: ERASURE_REQUESTED, target: codes.get(r.participantId) ?? null, filter: { ...(r.waveId ? { waveId: r.waveId } : {}), ...(r.from ? { from: r.from } : {}), language: r.language }, rowCount: null },
    r.now,
  );
}
