// A study's waves with their parsed instruments, in wave order.
import type { Db } from "../../db/client";
import { listWaveInstruments } from "../../db/queries/exports";
import type { SurveyDefinition } from "../surveys/definition";
import { loadStoredDefinition } from "../surveys/load-stored-definition";

export type StudyWave = {
  id: string;
  slug: string;
  name: string;
  position: number;
  mode: string;
  status: string;
  def: SurveyDefinition;
};

export async function loadWaves(db: Db, studyId: string): Promise<StudyWave[]> {
  const rows = await listWaveInstruments(db, studyId);
  return rows.map((w) => ({ id: w.id, slug: w.slug, name: w.name, position: w.position, mode: w.mode, status: w.status, def: loadStoredDefinition(w.versionId, w.definition) }));
}
