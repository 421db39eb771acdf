// Which studies a researcher works on: admins add and remove memberships, which
// lib/auth/permissions.ts reads (admins reach every study whatever their memberships).
import type { Db } from "../../db/client";
import { findStudyBySlug } from "../../db/queries/studies";
import { addStudyMember, findUserState, removeStudyMember } from "../../db/queries/users";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { requireAdmin } from "../auth/permissions";
import { InvalidInput, NotFound } from "../errors/app-error";
import { slugSchema } from "../studies/study-schema";
import { userIdSchema } from "./user-schemas";

async function pair(tx: Db, userId: string, studySlug: unknown) {
  const id = userIdSchema.safeParse(userId);
  const user = id.success ? await findUserState(tx, id.data) : null;
  if (!user) throw new NotFound("User not found");
  const slug = slugSchema.safeParse(studySlug);
  const study = slug.success ? await findStudyBySlug(tx, slug.data) : null;
  if (!study) throw new InvalidInput("Choose a study", [{ path: "study", message: "Choose one of the studies in the list" }]);
  return { user, study };
}

/** Adds the user to the study (nothing happens if they already are a member). Admins only. */
export async function addMembership(db: Db, admin: StaffUser, userId: string, input: { study: unknown }, now: Date): Promise<{ changed: boolean }> {
  requireAdmin(admin, "user management");
  return transaction(db, async (tx) => {
    const { user, study } = await pair(tx, userId, input.study);
    const changed = await addStudyMember(tx, study.id, user.id, now);
    if (changed) await recordAudit(tx, admin, { studyId: study.id, action: "study.member_added", target: user.email, filter: {}, rowCount: null, outcome: { role: user.role } }, now);
    return { changed };
  });
}

/** Takes the user off the study; they no longer see it unless they are an admin. Admins only. */
export async function removeMembership(db: Db, admin: StaffUser, userId: string, input: { study: unknown }, now: Date): Promise<{ changed: boolean }> {
  requireAdmin(admin, "user management");
  return transaction(db, async (tx) => {
    const { user, study } = await pair(tx, userId, input.study);
    const changed = await removeStudyMember(tx, study.id, user.id);
    if (changed) await recordAudit(tx, admin, { studyId: study.id, action: "study.member_removed", target: user.email, filter: {}, rowCount: null, outcome: { role: user.role } }, now);
    return { changed };
  });
}
