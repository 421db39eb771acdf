import type { Db } from "../../db/client";
import { insertStudyWithMember, findStudyBySlug } from "../../db/queries/studies";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { Conflict } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { toStudyRow } from "./study-row";
import { newStudySchema, type NewStudyInput } from "./study-schema";

/**
 * Creates a study. Admins and researchers may; whoever creates it becomes its first member (an
 * admin too, so the study stays theirs if their role changes). A taken slug is a Conflict. The
 * study, its membership and the audit entry are saved together or not at all.
 */
export async function createStudy(db: Db, user: StaffUser, input: NewStudyInput, now: Date) {
  const row = toStudyRow(parseInput(newStudySchema, input));
  await transaction(db, async (tx) => {
    const id = await insertStudyWithMember(tx, row, user.id, now);
    if (!id) throw new Conflict(`A study with the slug "${row.slug}" already exists`);
    await recordAudit(tx, user, {
      studyId: id, action: "study.create", target: row.slug, filter: {}, rowCount: null,
      outcome: { languages: row.languages, defaultLanguage: row.defaultLanguage, statusVariable: row.statusVariable },
    }, now);
  });
  return (await findStudyBySlug(db, row.slug))!;
}
