import type { Db } from "../../db/client";
import { listStudyVersions } from "../../db/queries/instruments";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";

/** The study's instruments, each with its versions (oldest first). Researchers of the study and admins. */
export async function listInstruments(db: Db, user: StaffUser, slug: string) {
  const study = await studyForUser(db, user, slug);
  const byName = new Map<string, { name: string; versions: Awaited<ReturnType<typeof listStudyVersions>> }>();
  for (const v of await listStudyVersions(db, study.id)) {
    const entry = byName.get(v.instrument) ?? { name: v.instrument, versions: [] };
    entry.versions.push(v);
    byName.set(v.instrument, entry);
  }
  return [...byName.values()];
}
