import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";

/** A study's settings; NotFound when it does not exist or the user may not see it (same answer). */
export async function getStudySettings(db: Db, user: StaffUser, slug: string) {
  return studyForUser(db, user, slug);
}
