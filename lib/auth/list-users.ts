import type { Db } from "../../db/client";
import { listAllUsers } from "../../db/queries/users";

/** Every researcher and admin. Callers must have checked that the viewer is an admin. */
export function listUsers(db: Db) {
  return listAllUsers(db);
}
