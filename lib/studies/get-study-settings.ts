import type { Db } from "../../db/client";
import { findStudySettings } from "../../db/queries/study-admin";
import type { StaffUser } from "../auth/current-user";
import { assertStudyAccess } from "../auth/study-access";
import { NotFound } from "../errors/app-error";

/** A study's settings; NotFound when it does not exist or the user may not see it (same answer). */
export async function getStudySettings(db: Db, user: StaffUser, slug: string) {
  const study = await findStudySettings(db, slug);
  if (!study) throw new NotFound("Study not found");
  await assertStudyAccess(db, user, study.id);
  return study;
}
