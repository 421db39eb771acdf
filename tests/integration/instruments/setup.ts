// A study with an admin, a member researcher and an outsider researcher, for the instrument tests.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../../../db/client";
import { insertStudy } from "../../../db/queries/seed";
import { addStudyMember, insertUserWithPassword } from "../../../db/queries/users";
import type { StaffUser } from "../../../lib/auth/current-user";
import { surveyDefinitionSchema, type SurveyDefinition, type SurveyDefinitionInput } from "../../../lib/surveys/definition";
import { exportXlsForm } from "../../../lib/surveys/xlsform/export-xlsform";
import { smallSurvey } from "../../fixtures/small-survey";

export const NOW = new Date("2024-03-01T10:00:00Z");

async function user(db: Db, role: StaffUser["role"], who: string): Promise<StaffUser> {
  const email = `${who}-${randomUUID().slice(0, 6)}@example.org`;
  const id = await insertUserWithPassword(db, { email, name: who, role, passwordHash: "not-a-real-hash" });
  return { id, email, name: who, role };
}

export async function instrumentStudy(db: Db) {
  const slug = `s-${randomUUID().slice(0, 8)}`;
  const studyId = await insertStudy(db, { slug, name: `Study ${slug}`, languages: ["uk", "ru", "nb", "en"], defaultLanguage: "en" });
  const admin = await user(db, "admin", "admin");
  const researcher = await user(db, "researcher", "member");
  const outsider = await user(db, "researcher", "outsider");
  await addStudyMember(db, studyId, researcher.id);
  return { slug, studyId, admin, researcher, outsider };
}

export const small: SurveyDefinition = surveyDefinitionSchema.parse(smallSurvey);

/** The small survey changed the way a researcher revises a questionnaire between waves. */
export function revised(): SurveyDefinition {
  const def = structuredClone(small) as SurveyDefinitionInput;
  const [p1, p2, p3] = def.pages;
  const where = p1.questions[0] as Extract<SurveyDefinitionInput["pages"][number]["questions"][number], { type: "single" }>;
  where.label = { en: "Where do you live today?", uk: "Де ви живете сьогодні?" };
  where.options = [...where.options.filter((o) => o.code !== "moved_on"), { code: "elsewhere", label: { en: "Somewhere else", uk: "Деінде" } }];
  p1.questions[1] = { name: "age", type: "text", label: { en: "Your age", uk: "Ваш вік" } };
  p2.questions.push({ name: "month_left", type: "month", label: { en: "When did you leave ${where_now}?", uk: "Коли ви виїхали?" } });
  def.pages = [p1, p2, p3];
  return surveyDefinitionSchema.parse(def);
}

export const xlsx = async (def: SurveyDefinition) => new Uint8Array(await exportXlsForm(def));
export const json = (def: unknown) => new TextEncoder().encode(JSON.stringify(def));

export async function countVersions(db: Db, studyId: string) {
  const [row] = await executeRows<{ versions: unknown; instruments: unknown }>(
    db,
    sql`select (select count(*) from instrument_versions where study_id = ${studyId}) as versions, (select count(*) from instruments where study_id = ${studyId}) as instruments`,
  );
  return { versions: Number(row.versions), instruments: Number(row.instruments) };
}

export async function versionRow(db: Db, id: string) {
  const [row] = await executeRows<{ version: number; definition: unknown; locked_at: unknown }>(db, sql`select version, definition, locked_at from instrument_versions where id = ${id}`);
  return row;
}
