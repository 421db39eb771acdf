import type { Db } from "../../db/client";
import { insertStudyWithMember, findStudyBySlug } from "../../db/queries/studies";
import type { StaffUser } from "../auth/current-user";
import { Conflict } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { newStudySchema, type NewStudyInput } from "./study-schema";

/**
 * Creates a study. Admins and researchers may; a researcher becomes its first member (so the
 * study is theirs to see), an admin sees every study anyway. A taken slug is a Conflict.
 */
export async function createStudy(db: Db, user: StaffUser, input: NewStudyInput, now: Date) {
  const s = parseInput(newStudySchema, input);
  const id = await insertStudyWithMember(
    db,
    { ...s, defaultLanguage: s.defaultLanguage ?? s.languages[0] },
    user.role === "researcher" ? user.id : null,
    now,
  );
  if (!id) throw new Conflict(`A study with the slug "${s.slug}" already exists`);
  return (await findStudyBySlug(db, s.slug))!;
}
