import type { Db } from "../../db/client";
import { isStudyMember } from "../../db/queries/users";
import { NotFound } from "../errors/app-error";
import type { StaffUser } from "./current-user";

/**
 * Admins reach every study; researchers only those they are members of. A study the user may
 * not see answers NotFound, so its existence is not revealed.
 */
export async function assertStudyAccess(db: Db, user: StaffUser, studyId: string): Promise<void> {
  if (user.role === "admin") return;
  if (!(await isStudyMember(db, studyId, user.id))) throw new NotFound("Study not found");
}
