// Reads for the instrument screens: which waves use each version, and the definitions of a
// study's versions (for their summaries). Versions themselves are read in ./instruments.ts.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { instrumentVersions, waves } from "../schema";
import type { WaveStatus } from "../schema/waves";

export type VersionWave = { versionId: string; slug: string; name: string; status: WaveStatus };

/** Every wave of the study with the instrument version it uses, in wave order. */
export async function listVersionWaves(db: Db, studyId: string): Promise<VersionWave[]> {
  return db
    .select({ versionId: waves.instrumentVersionId, slug: waves.slug, name: waves.name, status: waves.status })
    .from(waves)
    .where(eq(waves.studyId, studyId))
    .orderBy(asc(waves.position));
}

/** The definition JSON of every version of the study (parse it with zod before use). */
export async function listVersionDefinitions(db: Db, studyId: string): Promise<{ id: string; definition: unknown }[]> {
  return db
    .select({ id: instrumentVersions.id, definition: instrumentVersions.definition })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.studyId, studyId));
}

/** The waves of the study that use one version. */
export async function listWavesOfVersion(db: Db, studyId: string, versionId: string): Promise<Omit<VersionWave, "versionId">[]> {
  return db
    .select({ slug: waves.slug, name: waves.name, status: waves.status })
    .from(waves)
    .where(and(eq(waves.studyId, studyId), eq(waves.instrumentVersionId, versionId)))
    .orderBy(asc(waves.position));
}
