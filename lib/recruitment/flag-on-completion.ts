// The completion hook: a response that completes may put its participant on the board.
import type { Db } from "../../db/client";
import { flagMatches, listActiveRulesForWave } from "../../db/queries/recruitment";
import { ruleMatch } from "./rule-schema";

/**
 * Flags the participant under the first active rule of the study that their completed response
 * to this wave matches. Call it inside the completion transaction, after the response (with its
 * trajectory) and its consents are saved. Idempotent (unique per study and participant); a
 * withdrawn participant is never flagged. Returns whether they were newly flagged.
 */
export async function flagOnCompletion(db: Db, c: { studyId: string; waveId: string; participantId: string; now: Date }): Promise<boolean> {
  for (const rule of await listActiveRulesForWave(db, c.studyId, c.waveId)) {
    const flagged = await flagMatches(db, ruleMatch(c.studyId, rule), c.now, c.participantId);
    if (flagged.length) return true;
  }
  return false;
}
