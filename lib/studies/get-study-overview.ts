import type { Db } from "../../db/client";
import { listWavesWithCounts } from "../../db/queries/waves";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";

/** A study and its waves with live counts; NotFound if the user may not see it. */
export async function getStudyOverview(db: Db, user: StaffUser, slug: string) {
  const study = await studyForUser(db, user, slug);
  return { study, waves: await listWavesWithCounts(db, study.id) };
}
