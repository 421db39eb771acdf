// A study's waves with their parsed instruments, in wave order: what exports, reports and
// recruitment read a study's answers by.
import type { Db } from "../../db/client";
import { findDefinitions, listWaveInstruments, type WaveInstrument } from "../../db/queries/exports";
import type { SurveyDefinition } from "../surveys/definition";
import { loadStoredDefinition } from "../surveys/load-stored-definition";

export type StudyWave = Omit<WaveInstrument, "versionId"> & { def: SurveyDefinition };

// Instrument versions are immutable once a wave uses them, so a parsed definition never goes
// stale; only versions not seen yet are read (a definition can be hundreds of kilobytes).
const parsed = new Map<string, SurveyDefinition>();

/** The parsed definitions of instrument versions, read only the first time each is asked for. */
export async function loadDefinitions(db: Db, versionIds: string[]): Promise<Map<string, SurveyDefinition>> {
  const missing = [...new Set(versionIds.filter((id) => !parsed.has(id)))];
  for (const [id, json] of await findDefinitions(db, missing)) parsed.set(id, loadStoredDefinition(id, json));
  return new Map(versionIds.map((id) => [id, parsed.get(id) ?? loadStoredDefinition(id, undefined)]));
}

/** The study's waves in order, each with its parsed definition. */
export async function loadWaves(db: Db, studyId: string): Promise<StudyWave[]> {
  const rows = await listWaveInstruments(db, studyId);
  const defs = await loadDefinitions(db, rows.map((w) => w.versionId));
  return rows.map(({ versionId, ...w }) => ({ ...w, def: defs.get(versionId)! }));
}
