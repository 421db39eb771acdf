// The study forms (new study, settings): their fields, named by the paths of the API's study
// fields (texts.uk.name, settings.timeZone, settings.recruitmentColumns.0.label), turned into the
// domain's input, and the domain's issues named back by the form's fields. Shared by the browser
// (checked before sending) and the server actions.
import type { FieldIssue } from "../../../lib/errors/app-error";
import { fieldIssues } from "../../../lib/errors/zod-issues";
import { newStudySchema, type StudyPatch, type StudyState } from "../../../lib/studies/study-schema";
import type { VariableChoice } from "../../../lib/studies/study-variables";

export type FormValues = Record<string, string>;
export const TEXT_FIELDS = ["name", "description", "contactName", "contactEmail"] as const;
export const TARGETS = [["stayed", "stayed"], ["returned", "returned"], ["moved_on", "moved on"]] as const;

/** The form's text entries (files never come from these forms). */
export function formValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const [k, v] of form) if (typeof v === "string") out[k] = v;
  return out;
}

/** "uk, ru nb" → ["uk", "ru", "nb"]; whether each is a language code is the schema's to say. */
export const languagesOf = (s: string | undefined): string[] => (s ?? "").split(/[\s,;]+/).filter(Boolean);

/** Indexes of the numbered rows `prefix.<i>.*` present in the form, in order. */
export function rowIndexes(v: FormValues, prefix: string): number[] {
  const seen = new Set<number>();
  for (const k of Object.keys(v)) {
    const m = k.startsWith(`${prefix}.`) ? /^(\d+)\./.exec(k.slice(prefix.length + 1)) : null;
    if (m) seen.add(Number(m[1]));
  }
  return [...seen].sort((a, b) => a - b);
}

/** "code = label" lines → { code: label }; each problem names its line. */
function parseValueLabels(text: string, field: string, issues: FieldIssue[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const at = line.indexOf("=");
    const code = line.slice(0, at).trim();
    if (at < 0 || !code) return issues.push({ path: field, message: `Line ${i + 1}: write it as code = label, e.g. under_30 = <30` });
    if (code in out) return issues.push({ path: field, message: `Line ${i + 1}: the code "${code}" is given twice` });
    out[code] = line.slice(at + 1).trim();
  });
  return Object.keys(out).length ? out : undefined;
}

export type StudyFormInput = {
  input: Required<Pick<StudyPatch, "slug" | "name" | "languages" | "defaultLanguage" | "description" | "contactName" | "contactEmail" | "statusVariable" | "statusMapping" | "texts" | "settings">>;
  /** Which form row each kept mapping code and recruitment column came from. */
  mappingRows: Map<string, number>;
  columnRows: number[];
  issues: FieldIssue[];
};

export type FormMode = "new" | "settings";

/**
 * The form's values as the study's fields. Each language's texts come from its own section; the
 * default language's become name, description and contact. On the settings page an empty section
 * removes a language's texts (null); on a new study it is left out, and an empty slug is proposed
 * from the name (as the browser does while the slug is not edited).
 */
export function studyFormInput(v: FormValues, mode: FormMode): StudyFormInput {
  const removeEmpty = mode === "settings";
  const issues: FieldIssue[] = [];
  const languages = languagesOf(v.languages);
  const defaultLanguage = (v.defaultLanguage ?? "").trim() || languages[0] || "";
  const textOf = (lang: string, f: string) => (v[`texts.${lang}.${f}`] ?? "").trim();
  const texts: Record<string, Record<string, string> | null> = {};
  for (const lang of languages) {
    if (lang === defaultLanguage || !TEXT_FIELDS.some((f) => `texts.${lang}.${f}` in v)) continue;
    const t = Object.fromEntries(TEXT_FIELDS.map((f) => [f, textOf(lang, f)]).filter(([, x]) => x));
    if (Object.keys(t).length) texts[lang] = t;
    else if (removeEmpty) texts[lang] = null;
  }
  const orNull = (f: string) => textOf(defaultLanguage, f) || null;

  const mappingRows = new Map<string, number>();
  const statusMapping: Record<string, "stayed" | "returned" | "moved_on"> = {};
  for (const i of rowIndexes(v, "statusMapping")) {
    const code = (v[`statusMapping.${i}.code`] ?? "").trim();
    const target = v[`statusMapping.${i}.target`] ?? "";
    if (!code || !target) continue;
    if (mappingRows.has(code)) issues.push({ path: `statusMapping.${i}.code`, message: `The code "${code}" is mapped twice` });
    else if (TARGETS.some(([t]) => t === target)) {
      statusMapping[code] = target as "stayed";
      mappingRows.set(code, i);
    }
  }

  const columnRows: number[] = [];
  const columns = [];
  for (const i of rowIndexes(v, "settings.recruitmentColumns")) {
    const f = (k: string) => (v[`settings.recruitmentColumns.${i}.${k}`] ?? "").trim();
    if (!f("key") && !f("label") && !f("variable") && !f("valueLabels")) continue;
    const valueLabels = parseValueLabels(v[`settings.recruitmentColumns.${i}.valueLabels`] ?? "", `settings.recruitmentColumns.${i}.valueLabels`, issues);
    columns.push({ key: f("key"), label: f("label"), variable: f("variable"), ...(valueLabels ? { valueLabels } : {}) });
    columnRows.push(i);
  }
  const timeZone = (v["settings.timeZone"] ?? "").trim();
  const threshold = (v["settings.smallCellThreshold"] ?? "").trim();
  if (threshold && !/^\d+$/.test(threshold)) issues.push({ path: "settings.smallCellThreshold", message: "A whole number from 2 to 100" });
  const settings = {
    ...(timeZone ? { timeZone } : {}),
    // The schema checks the range (2–100).
    ...(threshold && /^\d+$/.test(threshold) ? { smallCellThreshold: Number(threshold) } : {}),
    // Only the settings page has the columns (a marker field says so): a new study has none yet.
    ...("settings.recruitmentColumns" in v ? { recruitmentColumns: columns } : {}),
  };

  return {
    input: {
      slug: (v.slug ?? "").trim() || (mode === "new" ? slugFromName(textOf(defaultLanguage, "name")) : ""), name: textOf(defaultLanguage, "name"), languages, defaultLanguage,
      description: orNull("description"), contactName: orNull("contactName"), contactEmail: orNull("contactEmail"),
      statusVariable: (v.statusVariable ?? "").trim() || null,
      statusMapping: Object.keys(statusMapping).length ? statusMapping : null,
      texts: texts as StudyFormInput["input"]["texts"], settings,
    },
    mappingRows, columnRows, issues,
  };
}

/** A domain issue's path as the form field that shows it (the path itself when no field does). */
export function formFieldOf(path: string, f: Pick<StudyFormInput, "input" | "mappingRows" | "columnRows">): string {
  const p = path.split(".");
  if ((TEXT_FIELDS as readonly string[]).includes(p[0])) return `texts.${f.input.defaultLanguage}.${p[0]}`;
  if (p[0] === "texts" && p[1]) return `texts.${p[1]}.${p[2] ?? "name"}`;
  if (p[0] === "languages") return "languages";
  if (p[0] === "statusMapping" && p[1] !== undefined) {
    const row = f.mappingRows.get(p.slice(1).join("."));
    return row === undefined ? "statusMapping" : `statusMapping.${row}.code`;
  }
  if (p[0] === "settings" && p[1] === "recruitmentColumns" && p[2] !== undefined) {
    const row = f.columnRows[Number(p[2])];
    return row === undefined ? "settings.recruitmentColumns" : `settings.recruitmentColumns.${row}.${p[3] ?? "key"}`;
  }
  return path;
}

/** Every problem of the form's values, by form field: the browser's check before sending. */
export function checkStudyForm(v: FormValues, mode: FormMode): FieldIssue[] {
  const f = studyFormInput(v, mode);
  const texts = Object.fromEntries(Object.entries(f.input.texts).filter(([, t]) => t !== null));
  const r = newStudySchema.safeParse({ ...f.input, texts });
  const domain = r.success ? [] : fieldIssues(r.error).map((i) => ({ ...i, path: formFieldOf(i.path, f) }));
  return [...f.issues, ...domain];
}

/** A slug proposed from a name: "Panel Study 2025!" → "panel-study-2025" (Latin letters only; else empty). */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/g, "");
}

/**
 * A saved study as the form's first values (the settings page). The database keeps no order of
 * codes (jsonb sorts keys), so value labels follow the questionnaire's option order when the
 * variable is known.
 */
export function studyFormValues(s: StudyState, timeZone: string, variables: VariableChoice[] = []): FormValues {
  const optionOrder = (variable: string) => new Map(variables.find((x) => x.name === variable)?.options.map((o, i) => [o.code, i]) ?? []);
  const def = s.defaultLanguage ?? s.languages[0];
  const v: FormValues = { slug: s.slug, languages: s.languages.join(", "), defaultLanguage: def, statusVariable: s.statusVariable ?? "", "settings.timeZone": timeZone };
  if (typeof s.settings.smallCellThreshold === "number") v["settings.smallCellThreshold"] = String(s.settings.smallCellThreshold);
  for (const lang of s.languages) {
    const t = lang === def
      ? { name: s.name, description: s.description ?? "", contactName: s.contactName ?? "", contactEmail: s.contactEmail ?? "" }
      : s.texts[lang] ?? {};
    for (const f of TEXT_FIELDS) v[`texts.${lang}.${f}`] = t[f] ?? "";
  }
  Object.entries(s.statusMapping ?? {}).forEach(([code, target], i) => {
    v[`statusMapping.${i}.code`] = code;
    v[`statusMapping.${i}.target`] = target;
  });
  (s.settings.recruitmentColumns ?? []).forEach((c, i) => {
    const p = `settings.recruitmentColumns.${i}`;
    v[`${p}.key`] = c.key;
    v[`${p}.label`] = c.label;
    v[`${p}.variable`] = c.variable;
    const order = optionOrder(c.variable);
    const rank = (code: string) => order.get(code) ?? Number.MAX_SAFE_INTEGER;
    v[`${p}.valueLabels`] = Object.entries(c.valueLabels ?? {}).sort(([a], [b]) => rank(a) - rank(b)).map(([code, label]) => `${code} = ${label}`).join("\n");
  });
  return v;
}
