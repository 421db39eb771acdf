import type { Db } from "../../db/client";
import { listWavesWithCounts } from "../../db/queries/waves";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";
import { studySetup } from "./study-setup";

/** A study and its waves with live counts; NotFound if the user may not see it. */
export async function getStudyOverview(db: Db, user: StaffUser, slug: string) {
  const study = await studyForUser(db, user, slug);
  return { study, waves: await listWavesWithCounts(db, study.id) };
}

/** The overview with the setup checklist (the study page). */
export async function getStudyHome(db: Db, user: StaffUser, slug: string) {
  const overview = await getStudyOverview(db, user, slug);
  return { ...overview, setup: await studySetup(db, overview.study) };
}
