// Creating studies (with their first member); reading one is findStudyBySlug (studies.ts).
import type { Db } from "../client";
import { studies, studyMembers, type StudySettings, type StatusMapping } from "../schema";

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
