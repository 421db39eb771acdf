// Creating or changing a recruitment rule, and back-filling it in the same transaction.
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { listWaveInstruments } from "../../db/queries/exports";
import { findRule, insertRule, updateRule } from "../../db/queries/recruitment";
import { recordAudit } from "../audit/record-audit";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput, NotFound } from "../errors/app-error";
import { ruleInputSchema, type RuleInput } from "./rule-schema";
import { syncRule, type SyncResult } from "./sync-rule";
import { parseInput } from "../errors/zod-issues";

/**
 * Saves a rule (new without `id`, else an update) and back-fills it over the completed
 * responses, in one transaction: matching participants are flagged once (unique per study and
 * participant), untouched flags that no longer match are taken back. Researchers of the study
 * and admins may call it.
 */
export async function saveRecruitmentRule(
  db: Db,
  user: StaffUser,
  slug: string,
  input: RuleInput,
  now: Date,
): Promise<{ ruleId: string } & SyncResult> {
  const study = await studyForUser(db, user, slug);
  const r = parseInput(ruleInputSchema, input);
  if (r.waveId && !(await listWaveInstruments(db, study.id)).some((w) => w.id === r.waveId)) {
    throw new InvalidInput("Check the highlighted fields", [{ path: "waveId", message: "That wave is not part of this study" }]);
  }
  const stored = { trajectories: r.trajectories, consent: r.consent };
  return transaction(db, async (tx) => {
    let ruleId = r.id;
    if (ruleId) {
      if (!(await findRule(tx, study.id, ruleId))) throw new NotFound("Rule not found");
      await updateRule(tx, { studyId: study.id, id: ruleId, name: r.name, waveId: r.waveId, rule: stored, active: r.active, now });
    } else {
      ruleId = await insertRule(tx, { studyId: study.id, name: r.name, waveId: r.waveId, rule: stored, active: r.active, now });
    }
    const sync = await syncRule(tx, study.id, { id: ruleId, waveId: r.waveId, rule: stored, active: r.active }, now);
    await recordAudit(tx, user, {
      studyId: study.id, action: "recruitment.rule_saved", target: r.name, filter: {}, rowCount: null,
      outcome: { ruleId, created: !r.id, active: r.active, ...sync },
    }, now);
    return { ruleId, ...sync };
  });
}
