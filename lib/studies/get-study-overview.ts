import type { Db } from "../../db/client";
import { findStudyBySlug, listWavesWithCounts } from "../../db/queries/studies";
import { assertStudyAccess } from "../auth/study-access";
import type { StaffUser } from "../auth/current-user";
import { NotFound } from "../errors/app-error";

/** A study and its waves with live counts; NotFound if the user may not see it. */
export async function getStudyOverview(db: Db, user: StaffUser, slug: string) {
  const study = await findStudyBySlug(db, slug);
  if (!study) throw new NotFound("Study not found");
  await assertStudyAccess(db, user, study.id);
  return { study, waves: await listWavesWithCounts(db, study.id) };
}
