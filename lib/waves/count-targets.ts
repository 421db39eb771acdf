import type { Db } from "../../db/client";
import { countTargetPanel } from "../../db/queries/waves";
import type { TargetRule } from "../../db/schema/waves";

/**
 * How many participants a target rule reaches right now, before anything is sent: latest consent
 * of the rule's kind granted, not withdrawn, address not bounced (and completed the named wave).
 * Read-only; callers check study access.
 */
export function countTargets(db: Db, studyId: string, rule: TargetRule): Promise<number> {
  return countTargetPanel(db, studyId, rule);
}
