// Changing a study's settings (the settings page and PATCH /api/v1/studies/{study}): a partial
// update merged onto the saved study, then checked whole by the same schema as a new study.
import type { Db } from "../../db/client";
import { findStudyForUpdate, listWavesOfStudy, updateStudyRow, versionLanguages, type StudyRow } from "../../db/queries/studies";
import type { StudyTexts } from "../../db/schema/studies";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { requireAdmin, studyForUser } from "../auth/permissions";
import { Conflict, InvalidInput } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { toStudyRow, toStudyState } from "./study-row";
import { newStudySchema, studyPatchSchema, type StudyPatch, type StudyState } from "./study-schema";

/**
 * The patch applied to the saved study. Texts merge language by language (a given language's
 * texts replace its old ones, null removes them); for the new default language the top-level
 * name, description and contact win (null clears one). Texts of languages the study no longer has are dropped.
 */
export function mergeStudyPatch(cur: StudyState, p: ReturnType<typeof studyPatchSchema.parse>): StudyState {
  const languages = p.languages ?? cur.languages;
  const defaultLanguage = p.defaultLanguage ?? cur.defaultLanguage;
  const texts: Record<string, StudyTexts> = {};
  for (const [lang, t] of Object.entries({ ...cur.texts, ...(p.texts ?? {}) })) {
    if (t && (languages.includes(lang) || p.texts?.[lang])) texts[lang] = t;
  }
  const def = defaultLanguage ? texts[defaultLanguage] ?? {} : {};
  const changedDefault = defaultLanguage !== cur.defaultLanguage;
  // When the default language changes (or its texts are given), its texts become the top-level
  // ones; a text it lacks keeps the current value, as a respondent would see it by fallback.
  const pick = <K extends keyof StudyTexts>(k: K, given: string | null | undefined, current: string | null) =>
    given !== undefined ? given : changedDefault || p.texts?.[defaultLanguage!] ? def[k] ?? current : current;
  return {
    ...cur,
    slug: p.slug ?? cur.slug,
    languages,
    defaultLanguage,
    name: pick("name", p.name, cur.name) ?? "",
    description: pick("description", p.description, cur.description),
    contactName: pick("contactName", p.contactName, cur.contactName),
    contactEmail: pick("contactEmail", p.contactEmail, cur.contactEmail),
    statusVariable: p.statusVariable !== undefined ? p.statusVariable : cur.statusVariable,
    statusMapping: p.statusMapping !== undefined ? p.statusMapping : cur.statusMapping,
    texts,
    settings: { ...cur.settings, ...(p.settings ?? {}) },
  };
}

/** Refuses to drop a language a questionnaire version of the study (and so its waves) is in. */
async function checkDroppedLanguages(db: Db, study: StudyRow, languages: string[]) {
  const dropped = study.languages.filter((l) => !languages.includes(l));
  if (!dropped.length) return;
  const issues = [];
  for (const v of await versionLanguages(db, study.id)) {
    for (const lang of dropped.filter((l) => v.languages.includes(l))) {
      const used = v.waves.length ? ` (used by ${v.waves.join(", ")})` : "";
      issues.push({ path: "languages", message: `"${lang}" cannot be removed: the questionnaire "${v.instrument}" version ${v.version}${used} is in it` });
    }
  }
  if (issues.length) throw new InvalidInput("A language in use cannot be removed", issues.slice(0, 10));
}

/** JSON with object keys sorted: jsonb does not keep the order keys were written in. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1))) : x) ?? "null";
}

const FIELDS = ["slug", "name", "languages", "defaultLanguage", "description", "contactName", "contactEmail", "texts", "statusVariable", "statusMapping", "settings"] as const;

/**
 * Updates the study's settings; NotFound when the user may not see it. Only while the study has
 * no wave may its slug change (open links and invitations carry it). Audited with the fields
 * that changed, and the status variable and mapping before and after when they changed.
 */
export async function updateStudy(db: Db, user: StaffUser, slug: string, patch: StudyPatch, now: Date): Promise<StudyRow> {
  const p = parseInput(studyPatchSchema, patch);
  const found = await studyForUser(db, user, slug);
  const cur = (found.settings ?? {}) as { interviewersSeeContacts?: boolean };
  if (p.settings?.interviewersSeeContacts !== undefined && p.settings.interviewersSeeContacts !== (cur.interviewersSeeContacts ?? false)) {
    requireAdmin(user, "who sees interviewees' contact details");
  }
  return transaction(db, async (tx) => {
    const study = (await findStudyForUpdate(tx, found.id))!;
    const before = toStudyState(study);
    const after = parseInput(newStudySchema, mergeStudyPatch(before, p));
    await checkDroppedLanguages(tx, study, after.languages);
    const row = toStudyRow(after);
    if (row.slug !== study.slug && (await listWavesOfStudy(tx, study.id)).length) {
      throw new InvalidInput("The slug cannot change", [{ path: "slug", message: "The study has waves, and their links carry the slug: it cannot change any more" }]);
    }
    const old = toStudyRow(before);
    // A patch that touches no text keeps the texts as saved: the default language's texts are
    // rebuilt from the name and contact columns otherwise, and a study whose columns differ from
    // its default language's texts (the demo's English columns, Ukrainian default) would lose them.
    const touchesTexts = (["name", "description", "contactName", "contactEmail", "texts", "defaultLanguage", "languages"] as const).some((k) => p[k] !== undefined);
    if (!touchesTexts && study.texts) old.texts = row.texts = study.texts;
    const value = (r: typeof row, s: StudyState, k: (typeof FIELDS)[number]) => (k === "description" ? s.description : r[k]);
    const changed = FIELDS.filter((k) => stable(value(old, before, k)) !== stable(value(row, after, k)));
    // Saving the form unchanged writes nothing, so the audit log lists real changes only.
    if (!changed.length) return study;
    if (!(await updateStudyRow(tx, study.id, row))) throw new Conflict(`A study with the slug "${row.slug}" already exists`);
    const statusChanged = changed.includes("statusVariable") || changed.includes("statusMapping");
    await recordAudit(tx, user, {
      studyId: study.id, action: "study.update", target: row.slug, filter: {}, rowCount: null,
      outcome: {
        changed,
        ...(row.slug !== study.slug ? { slug: { before: study.slug, after: row.slug } } : {}),
        ...(statusChanged ? { status: { before: { variable: study.statusVariable, mapping: study.statusMapping }, after: { variable: row.statusVariable, mapping: row.statusMapping } } } : {}),
      },
    }, now);
    return (await findStudyForUpdate(tx, study.id))!;
  });
}
