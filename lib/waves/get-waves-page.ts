import type { Db } from "../../db/client";
import { listInstrumentVersions } from "../../db/queries/instruments";
import { listWaves } from "../../db/queries/waves";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";

/** A study's waves and questionnaire versions (the waves list and the new-wave form). */
export async function getWavesPage(db: Db, user: StaffUser, studySlug: string) {
  const study = await studyForUser(db, user, studySlug);
  const [waves, versions] = await Promise.all([listWaves(db, study.id), listInstrumentVersions(db, study.id)]);
  return { study, waves, versions };
}
