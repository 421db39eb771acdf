import type { Db } from "../../db/client";
import { listVersionDefinitions, listVersionWaves, type VersionWave, type VersionRow } from "../../db/queries/instruments";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { listInstruments } from "./list-instruments";
import { loadStoredDefinition } from "../surveys/load-stored-definition";
import { type VersionSummary, versionSummary } from "./version-summary";

export type VersionListItem = VersionRow & { summary: VersionSummary; waves: Omit<VersionWave, "versionId">[] };

/**
 * The instruments screen: every instrument of the study with its versions (oldest first), each
 * with its summary and the waves that use it. Researchers of the study and admins.
 */
export async function getInstrumentsPage(db: Db, user: StaffUser, slug: string) {
  const study = await studyForUser(db, user, slug);
  const instruments = await listInstruments(db, user, slug);
  const waves = await listVersionWaves(db, study.id);
  const definitions = new Map((await listVersionDefinitions(db, study.id)).map((d) => [d.id, d.definition]));
  return {
    study: { slug: study.slug, name: study.name, languages: study.languages },
    instruments: instruments.map((i) => ({
      name: i.name,
      versions: i.versions.map((v): VersionListItem => ({
        ...v,
        summary: versionSummary(loadStoredDefinition(v.id, definitions.get(v.id))),
        waves: waves.filter((w) => w.versionId === v.id).map(({ versionId: _, ...w }) => w),
      })),
    })),
  };
}
