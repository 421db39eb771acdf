// The member's answer to "Was this you?": join the open-link response to them, or keep it apart.
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { answerUnverifiedContact, findUnverifiedContactByTokenHash, participantCodes, type UnverifiedContactRow } from "../../db/queries/participants";
import { dropUntouchedFlag } from "../../db/queries/recruitment";
import { moveResponse } from "../../db/queries/responses";
import { recordAudit } from "../audit/record-audit";
import { hashToken } from "../crypto/tokens";
import { flagOnCompletion } from "../recruitment/flag-on-completion";

export type LinkRequestState = "open" | "unknown" | "spent" | "withdrawn";

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The request behind a "Was this you?" link and whether it can still be answered. Reads only. */
export async function findLinkRequest(db: Db, token: string, now: Date): Promise<{ state: LinkRequestState; row: UnverifiedContactRow | null }> {
  if (!TOKEN.test(token)) return { state: "unknown", row: null };
  const row = await findUnverifiedContactByTokenHash(db, hashToken(token));
  if (!row) return { state: "unknown", row: null };
  if (row.confirmedAt || row.rejectedAt || row.expiresAt <= now) return { state: "spent", row };
  if (row.existingWithdrawnAt) return { state: "withdrawn", row };
  return { state: "open", row };
}

export type LinkAnswerResult = LinkRequestState | "confirmed" | "kept_separate" | "rejected";

/**
 * Answers a request once (the conditional update is the single-use guard), in one transaction:
 * "confirm" moves the open-link response to the member (unless they already have one in that
 * wave); the new participant keeps its own consents, which never count for the member. "reject"
 * leaves everything apart. Either way the address copy is erased and the answer audited.
 */
export async function answerLinkRequest(db: Db, token: string, answer: "confirm" | "reject", now: Date): Promise<LinkAnswerResult> {
  const found = await findLinkRequest(db, token, now);
  if (found.state !== "open") return found.state;
  const r = found.row!;
  return transaction(db, async (tx) => {
    if (!(await answerUnverifiedContact(tx, r.id, answer === "confirm" ? "confirmed" : "rejected", now))) return "spent" as const;
    let moved = false;
    if (answer === "confirm") {
      moved = await moveResponse(tx, { waveId: r.waveId, fromParticipantId: r.participantId, toParticipantId: r.existingParticipantId });
      // The member's own consents decide whether the joined response puts them on the board.
      if (moved) {
        await dropUntouchedFlag(tx, r.participantId, r.waveId);
        await flagOnCompletion(tx, { studyId: r.studyId, waveId: r.waveId, participantId: r.existingParticipantId, now });
      }
    }
    const codes = await participantCodes(tx, [r.participantId, r.existingParticipantId]);
    await recordAudit(
      tx,
      { kind: "respondent" },
      {
        studyId: r.studyId,
        action: answer === "confirm" ? "participant.link_confirmed" : "participant.link_rejected",
        target: codes.get(r.existingParticipantId) ?? null,
        filter: { from: codes.get(r.participantId) ?? null, responseMoved: moved },
        rowCount: moved ? 1 : 0,
      },
      now,
    );
    return answer === "reject" ? "rejected" : moved ? "confirmed" : "kept_separate";
  });
}
