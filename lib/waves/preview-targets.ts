import type { Db } from "../../db/client";
import { findWave } from "../../db/queries/waves";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";
import { NotFound } from "../errors/app-error";
import { countTargets } from "./count-targets";

/** The new-wave form's "how many would be invited?", for a study the user may see. Read-only. */
export async function previewTargets(db: Db, user: StaffUser, studySlug: string, rule: { consent: string; completedWaveId: string }) {
  const study = await studyForUser(db, user, studySlug);
  if (rule.completedWaveId && !(await findWave(db, study.id, { id: rule.completedWaveId }))) throw new NotFound("Wave not found");
  return countTargets(db, study.id, { consent: rule.consent || "follow_up_surveys", ...(rule.completedWaveId ? { completedWaveId: rule.completedWaveId } : {}) });
}
