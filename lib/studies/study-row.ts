// Between a study as saved (columns + texts per language) and as edited (the API's and the
// forms' fields): the default language's texts live in the name and contact columns and also in
// texts[defaultLanguage], so respondent pages read one place (lib/studies/study-text.ts). Pure.
import type { NewStudy, StudyRow } from "../../db/queries/studies";
import type { StudySettings, StudyTexts } from "../../db/schema/studies";
import type { StudyState } from "./study-schema";

/** Drops empty texts, so a fallback is a missing key, never "". */
function compact(t: StudyTexts): StudyTexts {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => typeof v === "string" && v !== "")) as StudyTexts;
}

/** The row to save for a checked study: texts of its languages only, the default's from the columns. */
export function toStudyRow(s: StudyState): NewStudy {
  const def = s.defaultLanguage ?? s.languages[0];
  const texts: Record<string, StudyTexts> = {};
  for (const lang of s.languages) {
    const t = lang === def
      ? { ...s.texts[lang], name: s.name, description: s.description ?? undefined, contactName: s.contactName ?? undefined, contactEmail: s.contactEmail ?? undefined }
      : s.texts[lang];
    if (t && Object.keys(compact(t)).length) texts[lang] = compact(t);
  }
  return {
    slug: s.slug, name: s.name, languages: s.languages, defaultLanguage: def, statusVariable: s.statusVariable,
    statusMapping: s.statusMapping && Object.keys(s.statusMapping).length ? s.statusMapping : null,
    contactName: s.contactName, contactEmail: s.contactEmail, settings: s.settings as StudySettings, texts,
  };
}

/**
 * The study's settings as they are edited: value labels kept the older way, per variable in
 * `recruitmentValueLabels` (the demo seed), move onto the columns that read that variable.
 */
export function editableSettings(settings: StudySettings): StudySettings {
  const { recruitmentValueLabels, ...rest } = settings as StudySettings & { recruitmentValueLabels?: Record<string, Record<string, string>> };
  if (!recruitmentValueLabels || !rest.recruitmentColumns) return rest;
  return {
    ...rest,
    recruitmentColumns: rest.recruitmentColumns.map((c) =>
      c.valueLabels || !recruitmentValueLabels[c.variable] ? c : { ...c, valueLabels: recruitmentValueLabels[c.variable] }),
  };
}

/** A saved study as the fields it is edited by (what a PATCH starts from). */
export function toStudyState(row: StudyRow): StudyState {
  const texts: Record<string, StudyTexts> = { ...(row.texts ?? {}) };
  const own = texts[row.defaultLanguage] ?? {};
  return {
    slug: row.slug,
    name: row.name,
    languages: row.languages,
    defaultLanguage: row.defaultLanguage,
    description: own.description ?? null,
    statusVariable: row.statusVariable,
    statusMapping: row.statusMapping,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    texts,
    settings: editableSettings(row.settings ?? {}) as StudyState["settings"],
  };
}
