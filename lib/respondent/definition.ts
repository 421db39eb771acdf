// A link's questionnaire: parsed once per instrument version (versions are immutable once a wave
// uses them), read from the database only when this process has not parsed it yet.
import type { Db } from "../../db/client";
import { findVersionDefinition } from "../../db/queries/instruments";
import type { SurveyDefinition } from "../surveys/definition";
import { cachedDefinition, loadStoredDefinition } from "../surveys/load-stored-definition";

export async function loadDefinition(db: Db, versionId: string): Promise<SurveyDefinition> {
  const hit = cachedDefinition(versionId);
  if (hit) return hit;
  const json = await findVersionDefinition(db, versionId);
  if (json === null) throw new Error(`instrument version ${versionId} is missing`);
  return loadStoredDefinition(versionId, json);
}
