import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { responses, studies, studyMembers, waves, invitations } from "../schema";

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

/** Each wave of a study with live response counts. */
export async function listWavesWithCounts(db: Db, studyId: string) {
  const rows = await db
    .select({
      id: waves.id,
      slug: waves.slug,
      name: waves.name,
      mode: waves.mode,
      status: waves.status,
      opensAt: waves.opensAt,
      closesAt: waves.closesAt,
      position: waves.position,
    })
    .from(waves)
    .where(eq(waves.studyId, studyId))
    .orderBy(asc(waves.position));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .select({
      waveId: responses.waveId,
      started: count(),
      completed: sql<number>`count(*) filter (where ${responses.status} = 'completed')`,
    })
    .from(responses)
    .where(and(eq(responses.studyId, studyId), inArray(responses.waveId, ids)))
    .groupBy(responses.waveId);
  const invited = await db
    .select({ waveId: invitations.waveId, n: count() })
    .from(invitations)
    .where(and(eq(invitations.studyId, studyId), inArray(invitations.waveId, ids)))
    .groupBy(invitations.waveId);
  return rows.map((w) => {
    const c = counts.find((x) => x.waveId === w.id);
    return {
      ...w,
      started: Number(c?.started ?? 0),
      completed: Number(c?.completed ?? 0),
      invited: Number(invited.find((x) => x.waveId === w.id)?.n ?? 0),
    };
  });
}
