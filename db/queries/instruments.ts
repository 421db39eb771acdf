// Instruments and their versions: the latest by name, the next version, a study's versions,
// and which waves use each version.
import { and, asc, desc, eq, exists, max, sql } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, instrumentVersions, waves } from "../schema";
import type { WaveStatus } from "../schema/waves";
import { preparedStatement } from "./prepared";

export type VersionRow = {
  id: string;
  instrumentId: string;
  instrument: string;
  version: number;
  sourceFormat: "xlsform" | "json";
  sourceName: string | null;
  createdAt: Date;
  lockedAt: Date | null;
};

const versionCols = {
  id: instrumentVersions.id,
  instrumentId: instrumentVersions.instrumentId,
  instrument: instruments.name,
  version: instrumentVersions.version,
  sourceFormat: instrumentVersions.sourceFormat,
  sourceName: instrumentVersions.sourceName,
  createdAt: instrumentVersions.createdAt,
  lockedAt: instrumentVersions.lockedAt,
};

/** The newest version of the study's instrument with this name, with its definition JSON. */
export async function latestVersionByName(db: Db, studyId: string, name: string) {
  const [row] = await db
    .select({ ...versionCols, definition: instrumentVersions.definition })
    .from(instrumentVersions)
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(and(eq(instruments.studyId, studyId), eq(instruments.name, name)))
    .orderBy(desc(instrumentVersions.version))
    .limit(1);
  return row ?? null;
}

/**
 * Adds the next version of the named instrument (creating the instrument the first time). The
 * instrument row is locked meanwhile, so two uploads cannot take the same number.
 */
export async function insertNextVersion(
  db: Db,
  v: { studyId: string; name: string; definition: unknown; sourceFormat: "xlsform" | "json"; sourceName: string | null; createdBy: string; now: Date },
): Promise<VersionRow> {
  return db.transaction(async (tx) => {
    await tx.insert(instruments).values({ studyId: v.studyId, name: v.name, createdAt: v.now }).onConflictDoNothing();
    const [inst] = await tx
      .select({ id: instruments.id })
      .from(instruments)
      .where(and(eq(instruments.studyId, v.studyId), eq(instruments.name, v.name)))
      .for("update");
    const [m] = await tx.select({ n: max(instrumentVersions.version) }).from(instrumentVersions).where(eq(instrumentVersions.instrumentId, inst.id));
    const [row] = await tx
      .insert(instrumentVersions)
      .values({
        instrumentId: inst.id, studyId: v.studyId, version: Number(m?.n ?? 0) + 1, definition: v.definition,
        sourceFormat: v.sourceFormat, sourceName: v.sourceName, createdBy: v.createdBy, createdAt: v.now,
      })
      .returning({ id: instrumentVersions.id });
    const [out] = await tx
      .select(versionCols)
      .from(instrumentVersions)
      .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
      .where(eq(instrumentVersions.id, row.id));
    return out as VersionRow;
  });
}

/** Every version of every instrument of the study, by instrument name then version. */
export async function listStudyVersions(db: Db, studyId: string): Promise<VersionRow[]> {
  return (await db
    .select(versionCols)
    .from(instrumentVersions)
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(eq(instrumentVersions.studyId, studyId))
    .orderBy(asc(instruments.name), asc(instrumentVersions.version))) as VersionRow[];
}

export async function findStudyVersion(db: Db, studyId: string, versionId: string) {
  const [row] = await db
    .select({ ...versionCols, definition: instrumentVersions.definition })
    .from(instrumentVersions)
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(and(eq(instrumentVersions.studyId, studyId), eq(instrumentVersions.id, versionId)))
    .limit(1);
  return row ?? null;
}

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

/** Instrument versions of a study, newest first, for the wave form. */
export function listInstrumentVersions(db: Db, studyId: string) {
  return db
    .select({ id: instrumentVersions.id, version: instrumentVersions.version, name: instruments.name })
    .from(instrumentVersions)
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(eq(instrumentVersions.studyId, studyId))
    .orderBy(asc(instruments.name), desc(instrumentVersions.version));
}

export async function instrumentVersionBelongsToStudy(db: Db, studyId: string, versionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: instrumentVersions.id })
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.id, versionId), eq(instrumentVersions.studyId, studyId)))
    .limit(1);
  return !!row;
}

/** A version's stored definition JSON (parse it with loadStoredDefinition); read only on a cache miss. */
const versionDefinition = preparedStatement("version_definition", (db, name) =>
  db.select({ definition: instrumentVersions.definition }).from(instrumentVersions)
    .where(eq(instrumentVersions.id, sql.placeholder("id"))).limit(1).prepare(name),
);

export async function findVersionDefinition(db: Db, versionId: string): Promise<unknown | null> {
  const [row] = await versionDefinition(db).execute({ id: versionId });
  return row ? row.definition : null;
}

/**
 * The definition JSON of a version that some wave uses (parse it with zod before use), or null:
 * a version no wave uses is a draft and stays private. Not filtered by study: the caller serves
 * the definitions respondents already receive.
 */
export async function findWaveUsedDefinition(db: Db, versionId: string): Promise<unknown | null> {
  const [row] = await db
    .select({ definition: instrumentVersions.definition })
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.id, versionId), exists(db.select({ one: sql`1` }).from(waves).where(eq(waves.instrumentVersionId, instrumentVersions.id)))))
    .limit(1);
  return row ? row.definition : null;
}
