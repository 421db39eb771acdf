// Who may see what: the one permission module. Every domain function in lib/ that acts for a
// signed-in user calls it itself, whatever its caller checked: admins reach every study,
// researchers only the studies they are members of, and personal data (emails, recruitment
// lists, identifiers, the mailbox, the user list, the audit log) is for admins only.
import type { Db } from "../../db/client";
import { findStudyBySlug, type StudyRow } from "../../db/queries/studies";
import { isStudyMember } from "../../db/queries/users";
import { Forbidden, NotFound } from "../errors/app-error";
import type { StaffUser } from "./current-user";

export type { StudyRow };

/** Whether the user may see personal data (contact details, identifiers): admins only. */
export function isAdmin(user: StaffUser): boolean {
  return user.role === "admin";
}

/**
 * Whether the user may read the email of people booked for interviews in a study the user may
 * already see: admins always; researchers only where an admin allowed it
 * (settings.interviewersSeeContacts, read by lib/recruitment/interview-settings.ts).
 */
export function mayReadInterviewContacts(user: StaffUser, allowedByAdmin: boolean): boolean {
  return isAdmin(user) || (user.role === "researcher" && allowedByAdmin);
}

/**
 * Only admins pass; anyone else gets Forbidden (403) naming `what`. Checked before anything is
 * looked up, so a researcher learns nothing either way.
 */
export function requireAdmin(user: StaffUser, what = "personal data"): void {
  if (!isAdmin(user)) throw new Forbidden(`Only admins may access ${what}`);
}

/**
 * Admins reach every study; researchers only those they are members of. A study the user may
 * not see answers NotFound, so its existence is not revealed.
 */
export async function assertStudyAccess(db: Db, user: StaffUser, studyId: string): Promise<void> {
  if (isAdmin(user)) return;
  if (!(await isStudyMember(db, studyId, user.id))) throw new NotFound("Study not found");
}

/**
 * The study by slug if the user may see it; NotFound otherwise (its existence is not revealed).
 * With `adminOnly` (what is being asked for, e.g. "recruitment lists") a non-admin gets
 * Forbidden first, before the study is looked up.
 */
export async function studyForUser(db: Db, user: StaffUser, slug: string, need: { adminOnly?: string } = {}): Promise<StudyRow> {
  if (need.adminOnly !== undefined) requireAdmin(user, need.adminOnly);
  const study = await findStudyBySlug(db, slug);
  if (!study) throw new NotFound("Study not found");
  await assertStudyAccess(db, user, study.id);
  return study;
}
