// Studies: reading one by slug, the studies a user sees, and creating one with its first member.
import { asc, eq, sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { studies, studyMembers, waves, type StudySettings, type StatusMapping, type StudyTexts } from "../schema";
import { toNumber } from "./raw";

/** The study with this slug (every column: its settings, languages and contact), or null. */
export async function findStudyBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(studies).where(eq(studies.slug, slug)).limit(1);
  return row ?? null;
}
export type StudyRow = NonNullable<Awaited<ReturnType<typeof findStudyBySlug>>>;

/** Studies a user can see: all for admins, member studies for researchers. */
export async function listStudiesForUser(db: Db, user: { id: string; role: string }) {
  const cols = { id: studies.id, slug: studies.slug, name: studies.name, languages: studies.languages };
  if (user.role === "admin") return db.select(cols).from(studies).orderBy(asc(studies.name));
  return db
    .select(cols)
    .from(studies)
    .innerJoin(studyMembers, eq(studyMembers.studyId, studies.id))
    .where(eq(studyMembers.userId, user.id))
    .orderBy(asc(studies.name));
}

export type NewStudy = {
  slug: string;
  name: string;
  languages: string[];
  defaultLanguage: string;
  statusVariable: string | null;
  statusMapping: StatusMapping | null;
  contactName: string | null;
  contactEmail: string | null;
  settings: StudySettings;
  texts: Record<string, StudyTexts>;
};

/** Inserts the study and its first member (its creator), in one transaction; null when the slug is taken. */
export async function insertStudyWithMember(db: Db, s: NewStudy, memberId: string | null, now: Date): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(studies)
      .values({ ...s, createdAt: now })
      .onConflictDoNothing({ target: studies.slug })
      .returning({ id: studies.id });
    if (!row) return null;
    if (memberId) await tx.insert(studyMembers).values({ studyId: row.id, userId: memberId, createdAt: now });
    return row.id;
  });
}

/** The study row locked until the transaction ends (an update reads, checks and writes it). */
export async function findStudyForUpdate(db: Db, id: string) {
  const [row] = await db.select().from(studies).where(eq(studies.id, id)).for("update");
  return row ?? null;
}

/** Writes a study's settings; false when the new slug is taken by another study. */
export async function updateStudyRow(db: Db, id: string, set: NewStudy): Promise<boolean> {
  const taken = await db.select({ id: studies.id }).from(studies).where(eq(studies.slug, set.slug)).limit(1);
  if (taken[0] && taken[0].id !== id) return false;
  await db.update(studies).set(set).where(eq(studies.id, id));
  return true;
}

/** Each questionnaire version of the study with its languages and the waves that use it. */
export async function versionLanguages(db: Db, studyId: string) {
  const rows = await executeRows<{ instrument: string; version: unknown; languages: unknown; waves: unknown }>(
    db,
    sql`select i.name as instrument, v.version,
               coalesce(v.definition->'languages', '[]'::jsonb) as languages,
               coalesce((select jsonb_agg(w.slug order by w.position) from waves w where w.instrument_version_id = v.id), '[]'::jsonb) as waves
          from instrument_versions v join instruments i on i.id = v.instrument_id
         where v.study_id = ${studyId}`,
  );
  const list = (v: unknown) => ((typeof v === "string" ? JSON.parse(v) : v) as unknown[]).filter((x): x is string => typeof x === "string");
  return rows.map((r) => ({ instrument: r.instrument, version: toNumber(r.version), languages: list(r.languages), waves: list(r.waves) }));
}

/** How far a study is set up: questionnaire versions, panel members, waves, invitations and responses. */
export async function studySetupCounts(db: Db, studyId: string) {
  const [r] = await executeRows<Record<string, unknown>>(
    db,
    sql`select (select count(*) from instrument_versions where study_id = ${studyId}) as versions,
               (select count(*) from participants where study_id = ${studyId}) as participants,
               (select count(*) from waves where study_id = ${studyId}) as waves,
               (select count(*) from invitations where study_id = ${studyId}) as invitations,
               (select count(*) from responses where study_id = ${studyId}) as responses`,
  );
  return {
    versions: toNumber(r.versions), participants: toNumber(r.participants), waves: toNumber(r.waves),
    invitations: toNumber(r.invitations), responses: toNumber(r.responses),
  };
}

/** The slugs of the study's waves (whether any exist decides if the study's slug may change). */
export function listWavesOfStudy(db: Db, studyId: string) {
  return db.select({ slug: waves.slug }).from(waves).where(eq(waves.studyId, studyId));
}
