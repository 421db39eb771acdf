// Access checks shared by recruitment, exports and reports: which study a user may read, and the
// rule that personal data (emails, recruitment lists, identifiers) is for admins only.
import type { Db } from "../../db/client";
import { findStudyBySlug } from "../../db/queries/studies";
import type { StaffUser } from "../auth/current-user";
import { assertStudyAccess } from "../auth/study-access";
import { Forbidden, NotFound } from "../errors/app-error";

export type StudyRow = NonNullable<Awaited<ReturnType<typeof findStudyBySlug>>>;

/**
 * Only admins see personal data. Throws Forbidden (403) for anyone else; checked before the
 * study is looked up, so a researcher learns nothing either way.
 */
export function requireAdmin(user: StaffUser, what = "personal data"): void {
  if (user.role !== "admin") throw new Forbidden(`Only admins may access ${what}`);
}

/** The study by slug if the user may see it; NotFound otherwise (its existence is not revealed). */
export async function studyForUser(db: Db, user: StaffUser, slug: string): Promise<StudyRow> {
  const study = await findStudyBySlug(db, slug);
  if (!study) throw new NotFound("Study not found");
  await assertStudyAccess(db, user, study.id);
  return study;
}
