// A study's waves with their parsed instruments, in wave order.
import type { Db } from "../../db/client";
import { findDefinitions, listWaveInstruments } from "../../db/queries/exports";
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

// Instrument versions are immutable once a wave uses them, so a parsed definition never goes
// stale; only versions not seen yet are read (a definition can be hundreds of kilobytes).
const parsed = new Map<string, SurveyDefinition>();

export async function loadWaves(db: Db, studyId: string): Promise<StudyWave[]> {
  const rows = await listWaveInstruments(db, studyId);
  const missing = [...new Set(rows.map((w) => w.versionId).filter((id) => !parsed.has(id)))];
  for (const [id, json] of await findDefinitions(db, missing)) parsed.set(id, loadStoredDefinition(id, json));
  return rows.map((w) => ({ id: w.id, slug: w.slug, name: w.name, position: w.position, mode: w.mode, status: w.status, def: parsed.get(w.versionId)! }));
}
