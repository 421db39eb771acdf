import type { Db } from "../../db/client";
import { insertWave, findWave, type WaveRow } from "../../db/queries/waves";
import { instrumentVersionBelongsToStudy } from "../../db/queries/instruments";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";
import { Conflict, InvalidInput } from "../errors/app-error";
import { nudge } from "../nudge/nudge";
import { parseInput } from "../errors/zod-issues";
import { checkTargeting } from "./check-targeting";
import { newWaveCommandSchema, toWaveSettings, type NewWaveCommand } from "./wave-schema";

/**
 * Creates a wave in a study the user may see: scheduled to open at opensAt (the worker opens it),
 * with its target rule and invitation/reminder schedule. Locks the instrument version. Refuses a
 * taken slug or a version from another study, and a panel wave whose target rule names an unknown
 * consent kind or would invite nobody now (the reason on the field). Nothing is sent here. Invalid
 * input is an InvalidInput whose issue paths are the command's (schedule.reminderDays, closesAt, …).
 * Audited.
 */
export async function createWave(db: Db, user: StaffUser, studySlug: string, input: NewWaveCommand, now: Date): Promise<WaveRow> {
  const command = parseInput(newWaveCommandSchema, input);
  const study = await studyForUser(db, user, studySlug);
  const v = toWaveSettings(command);
  if (!(await instrumentVersionBelongsToStudy(db, study.id, v.instrumentVersionId))) {
    throw new InvalidInput("instrumentVersionId: not a version of this study", [{ path: "instrumentVersionId", message: "Choose a version of this study's questionnaire" }]);
  }
  if (v.targetRule?.completedWaveId && !(await findWave(db, study.id, { id: v.targetRule.completedWaveId }))) {
    throw new InvalidInput("completedWaveId: not a wave of this study", [{ path: "completedWaveId", message: "Choose a wave of this study" }]);
  }
  if (v.targetRule) await checkTargeting(db, study, v.targetRule);
  return transaction(db, async (tx) => {
    const wave = await insertWave(tx, { studyId: study.id, status: "scheduled", ...v }, now);
    if (!wave) throw new Conflict(`A wave named "${v.slug}" already exists in this study`);
    await recordAudit(tx, user, {
      studyId: study.id, action: "wave.create", target: wave.slug, filter: {}, rowCount: null,
      outcome: { name: wave.name, mode: wave.mode, opensAt: wave.opensAt, closesAt: wave.closesAt, targetRule: wave.targetRule },
    }, now);
    nudge("reconcile");
    return wave;
  });
}
