// Back-fills a rule over the data already collected.
import type { Db } from "../../db/client";
import { flagMatches, removeWithdrawnFromBoard, unflagStale, type RuleRow } from "../../db/queries/recruitment";
import { ruleMatch } from "./rule-schema";

export type SyncResult = { flagged: number; unflagged: number; removedWithdrawn: number };

/**
 * Brings the board in line with one rule: flags every participant it matches who is not on the
 * board yet, takes back its untouched flags ('flagged') that no longer match (or all of them when
 * the rule is off), and removes withdrawn people. Idempotent: the board holds one row per study
 * and participant, so a second run changes nothing. Run it inside the transaction that saved
 * the rule.
 */
export async function syncRule(db: Db, studyId: string, rule: Pick<RuleRow, "id" | "waveId" | "rule" | "active">, now: Date): Promise<SyncResult> {
  const m = ruleMatch(studyId, rule);
  const removedWithdrawn = await removeWithdrawnFromBoard(db, studyId);
  const unflagged = await unflagStale(db, m, rule.active);
  const flagged = rule.active ? (await flagMatches(db, m, now)).length : 0;
  return { flagged, unflagged, removedWithdrawn };
}
