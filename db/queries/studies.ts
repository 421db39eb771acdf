// Studies: reading one by slug, the studies a user sees, and creating one with its first member.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { studies, studyMembers, type StudySettings, type StatusMapping } from "../schema";

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
};

/** Inserts the study and, for a researcher, their membership, in one transaction; null when the slug is taken. */
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
