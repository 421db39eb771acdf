import type { Db } from "../../db/client";
import { findStudyBySlugForWaves, listInstrumentVersions, listWaves } from "../../db/queries/wave-admin";
import type { StaffUser } from "../auth/current-user";
import { assertStudyAccess } from "../auth/study-access";
import { NotFound } from "../errors/app-error";

/** A study's waves and questionnaire versions (the waves list and the new-wave form). */
export async function getWavesPage(db: Db, user: StaffUser, studySlug: string) {
  const study = await findStudyBySlugForWaves(db, studySlug);
  if (!study) throw new NotFound("Study not found");
  await assertStudyAccess(db, user, study.id);
  const [waves, versions] = await Promise.all([listWaves(db, study.id), listInstrumentVersions(db, study.id)]);
  return { study, waves, versions };
}
