import type { Db } from "../../db/client";
import { findStudyVersion } from "../../db/queries/instruments";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { NotFound } from "../errors/app-error";
import { loadStoredDefinition } from "../surveys/load-stored-definition";

/** One version with its definition; NotFound for a version of another study. */
export async function getInstrumentVersion(db: Db, user: StaffUser, slug: string, versionId: string) {
  const study = await studyForUser(db, user, slug);
  const row = await findStudyVersion(db, study.id, versionId);
  if (!row) throw new NotFound("Instrument version not found");
  return { ...row, definition: loadStoredDefinition(row.id, row.definition) };
}
