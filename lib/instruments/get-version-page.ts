import type { Db } from "../../db/client";
import { listWavesOfVersion, listStudyVersions, type VersionRow } from "../../db/queries/instruments";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { getInstrumentVersion } from "./get-instrument-version";
import { diffDefinitions } from "../surveys/diff-definitions";
import { type ChangeSection, changeSections } from "./change-sections";
import { versionSummary } from "./version-summary";

export type VersionComparison = {
  base: VersionRow;
  /** Number of differences; 0 when questions, options, wording and conditions are the same. */
  count: number;
  sections: ChangeSection[];
};

/**
 * One version's screen: its summary, the waves that use it, the study's other versions to
 * compare with, and what changed from `compareWith` (by default the version before it of the
 * same instrument). Researchers of the study and admins; NotFound for another study's version.
 */
export async function getVersionPage(db: Db, user: StaffUser, slug: string, versionId: string, opts: { compareWith?: string } = {}) {
  const study = await studyForUser(db, user, slug);
  const { definition, ...version } = await getInstrumentVersion(db, user, slug, versionId);
  const all = await listStudyVersions(db, study.id);
  const waves = await listWavesOfVersion(db, study.id, versionId);
  const previous = all.filter((v) => v.instrumentId === version.instrumentId && v.version < version.version).at(-1);
  const others = all.filter((v) => v.id !== versionId);
  const requested = opts.compareWith ? others.find((v) => v.id === opts.compareWith) : undefined;
  const base = requested ?? (opts.compareWith ? undefined : previous);
  let comparison: VersionComparison | null = null;
  if (base) {
    const before = await getInstrumentVersion(db, user, slug, base.id);
    const changes = diffDefinitions(before.definition, definition);
    comparison = { base, count: changes.length, sections: changeSections(changes) };
  }
  return {
    study: { slug: study.slug, name: study.name, languages: study.languages },
    version: version as VersionRow,
    title: definition.title[definition.defaultLanguage] ?? Object.values(definition.title)[0] ?? "",
    summary: versionSummary(definition),
    waves,
    others,
    comparison,
    /** A compare-with id that is not a version of this study. */
    compareMissing: !!opts.compareWith && !requested,
  };
}
