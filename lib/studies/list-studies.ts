import type { Db } from "../../db/client";
import { listStudiesForUser } from "../../db/queries/studies";
import type { StaffUser } from "../auth/current-user";

/** Studies visible to the user: every study for admins, member studies for researchers. */
export function listStudies(db: Db, user: StaffUser) {
  return listStudiesForUser(db, user);
}
