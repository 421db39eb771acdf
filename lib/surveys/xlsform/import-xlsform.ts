import { type SurveyDefinition, type Text, surveyDefinitionSchema } from "../definition";
import { LANGUAGE_TAG_HINT, isLanguageTag } from "../../i18n/language-tag";
import { closestName } from "../suggest";
import { listTexts } from "../texts";
import { applyColumnAliases, duplicateColumns } from "./column-aliases";
import { ImportContext, SheetCells } from "./context";
import { fillDefaultLanguage } from "./fallback-texts";
import { languageCode, languageHasNoCode } from "./headers";
import type { XlsFormIssue } from "./issues";
import { isYes, readChoices } from "./read-choices";
import { isIdentityType } from "./pulldata";
import { readSurvey, type SurveyParts } from "./read-survey";
import { type Sheet, readWorkbook } from "./read-workbook";

export type XlsFormImportResult =
  | { ok: true; definition: SurveyDefinition; warnings: XlsFormIssue[] }
  | { ok: false; errors: XlsFormIssue[]; warnings: XlsFormIssue[] };

const TRANSLATABLE = new Set(["label", "hint", "required_message", "constraint_message", "wording", "min_label", "max_label"]);
const KNOWN_SHEETS = ["survey", "choices", "settings"];
const SURVEY_COLUMNS = ["type", "name", "label", "hint", "required", "required_message", "relevant", "constraint", "constraint_message",
  "calculation", "choice_filter", "default", "appearance", "read_only", "parameters", "wording", "wording_version", "min_label", "max_label", "identifier", "repeat_count"];

/** One warning per survey column Panelwave does not read, with a hint when it looks misspelt. */
function unusedColumns(sheet: Sheet): XlsFormIssue[] {
  return sheet.headers
    .filter((h) => !SURVEY_COLUMNS.includes(h.base))
    .map((h) => {
      const near = closestName(h.base, SURVEY_COLUMNS);
      return { sheet: sheet.name, row: sheet.headerRow, column: h.raw, columnLetter: h.letter, message: `Column "${h.raw}" is not used by Panelwave${near ? `; did you mean "${near}"?` : ""}` };
    });
}

/**
 * Reads an XLSForm (.xlsx) into a survey definition. Every problem is collected, not just
 * the first: each names its sheet, 1-based row and column, and expression errors their
 * position in the cell. The definition is returned only when there are no errors.
 */
export async function importXlsForm(data: Uint8Array | ArrayBuffer): Promise<XlsFormImportResult> {
  // Only the sheets an XLSForm uses are read: a help sheet or a data sheet next to the form is
  // listed (and warned about) but never unpacked, so nothing in it can refuse the import.
  const read = await readWorkbook(data, { sheets: (name) => KNOWN_SHEETS.includes(name.trim().toLowerCase()) });
  if ("error" in read) return { ok: false, errors: [read.error], warnings: [] };
  const byName = new Map<string, Sheet>();
  const warnings: XlsFormIssue[] = [];
  for (const sheet of read.sheets) {
    const key = sheet.name.trim().toLowerCase();
    if (KNOWN_SHEETS.includes(key) && !byName.has(key)) byName.set(key, sheet);
    else {
      const near = closestName(key, KNOWN_SHEETS);
      warnings.push({ sheet: sheet.name, row: 0, column: "", message: `Sheet "${sheet.name}" is ignored${near ? `; did you mean "${near}"?` : ""}` });
    }
  }
  const survey = byName.get("survey");
  if (!survey) {
    const found = read.sheets.map((s) => `"${s.name}"`).join(", ") || "none";
    return { ok: false, errors: [{ sheet: "", row: 0, column: "", message: `No "survey" sheet (sheets found: ${found})` }], warnings };
  }
  const settingsSheet = byName.get("settings");
  // An empty choices sheet (no question needs one) is as good as none.
  const choicesSheet = byName.get("choices")?.headers.length ? byName.get("choices") : undefined;
  applyColumnAliases(survey, "survey");
  if (choicesSheet) applyColumnAliases(choicesSheet, "choices");
  const duplicates = [survey, choicesSheet, settingsSheet].flatMap((s) => (s ? duplicateColumns(s) : []));
  if (duplicates.length) return { ok: false, errors: duplicates, warnings };

  // Settings: one header row and one row of values.
  const settingsRow = settingsSheet?.rows[0];
  const setting = (base: string) => {
    const h = settingsSheet?.headers.find((x) => x.base === base && !x.lang);
    return (h && settingsRow?.cells.get(h.col)) || undefined;
  };
  const titleText: Text = {};
  for (const h of settingsSheet?.headers ?? []) {
    const v = settingsRow?.cells.get(h.col);
    if (h.base === "form_title" && v) titleText[h.lang ?? ""] = v;
  }

  // Languages: every translated column of survey and choices, in the order they appear.
  const languages: string[] = [];
  // Languages whose header gives no valid code: reported once, at the header.
  const badLanguages = new Set<string>();
  const headerErrors: XlsFormIssue[] = [];
  let hasPlain = false;
  for (const sheet of [survey, choicesSheet]) {
    for (const h of sheet?.headers ?? []) {
      if (!TRANSLATABLE.has(h.base)) continue;
      if (!h.lang) hasPlain = true;
      else if (!languages.includes(h.lang)) {
        languages.push(h.lang);
        if (!isLanguageTag(h.lang)) {
          badLanguages.add(h.lang);
          headerErrors.push({ sheet: sheet!.name, row: sheet!.headerRow, column: h.raw, columnLetter: h.letter, message: `"${h.langLabel}" has no valid language code; write the column as e.g. "${h.base}::English (en)", with ${LANGUAGE_TAG_HINT} in parentheses` });
        } else if (languageHasNoCode(h.langLabel ?? "") && h.lang === h.langLabel) {
          warnings.push({ sheet: sheet!.name, row: sheet!.headerRow, column: h.raw, columnLetter: h.letter, message: `Language "${h.langLabel}" has no code; write it as e.g. "label::${h.langLabel} (xx)"` });
        }
      }
    }
  }
  const declared = setting("default_language");
  let defaultLanguage = declared ? languageCode(declared) : hasPlain ? (languages.length ? languages[0] : "en") : (languages[0] ?? "en");
  if (hasPlain && !declared) {
    warnings.push({ sheet: survey.name, row: survey.headerRow, column: "label", message: `The plain label column has no language; it is taken as "${defaultLanguage}". Set default_language in settings to say which it is` });
  }
  if (!languages.includes(defaultLanguage)) {
    if (hasPlain || languages.length === 0) languages.unshift(defaultLanguage);
    else {
      warnings.push({ sheet: settingsSheet?.name ?? "settings", row: 2, column: "default_language", message: `default_language "${declared}" has no label columns; using "${languages[0]}"` });
      defaultLanguage = languages[0];
    }
  }
  const ctx = new ImportContext(defaultLanguage);
  ctx.warnings.push(...warnings, ...unusedColumns(survey));
  for (const e of headerErrors) ctx.error(e);
  const surveyCells = new SheetCells(survey, ctx);
  for (const base of ["type", "name"]) {
    if (!surveyCells.has(base)) ctx.error({ sheet: survey.name, row: survey.headerRow || 1, column: base, message: `The survey sheet needs a "${base}" column` });
  }
  if (!survey.headers.some((h) => h.base === "label")) ctx.error({ sheet: survey.name, row: survey.headerRow || 1, column: "label", message: `The survey sheet needs a "label" column (e.g. "label::English (en)")` });
  for (const row of survey.rows) {
    const name = surveyCells.value(row, "name");
    if (name) ctx.rowNames.add(name);
    if (isIdentityType(surveyCells.value(row, "type"))) ctx.identity.add(name);
  }
  const choices = choicesSheet ? new SheetCells(choicesSheet, ctx) : null;
  const allowDuplicates = isYes(setting("allow_choice_duplicates") ?? "");
  const lists = choices ? readChoices(choices, ctx, allowDuplicates) : new Map();
  const version = setting("version");
  const parts = readSurvey(surveyCells, ctx, { lists, choices, version, languages });
  addPulledPreload(parts, ctx, [survey, ...(choicesSheet ? [choicesSheet] : [])]);
  if (parts.pages.length === 0 && ctx.errors.length === 0) ctx.error({ sheet: survey.name, row: 0, column: "", message: "The survey sheet has no questions" });

  if (titleText[""]) {
    titleText[defaultLanguage] ??= titleText[""];
    delete titleText[""];
  }
  const id = setting("form_id");
  if (Object.keys(titleText).length === 0) titleText[defaultLanguage] = id ?? "Untitled survey";
  if (settingsSheet) ctx.map.add([], settingsSheet, settingsRow?.number ?? 2, defaultLanguage);
  else ctx.map.add([], survey, survey.headerRow, defaultLanguage);

  const candidate = {
    ...(id ? { id } : {}), title: titleText, ...(version ? { version } : {}),
    languages, defaultLanguage, preload: parts.preload, pages: parts.pages, calculates: parts.calculates,
  };
  fillDefaultLanguage(candidate, ctx);
  const parsed = surveyDefinitionSchema.safeParse(candidate);
  const errors = [...ctx.errors];
  if (!parsed.success) {
    const seen = new Set(errors.map((e) => `${e.sheet}!${e.row}:${e.message}`));
    for (const issue of parsed.error.issues) {
      if (isBadLanguageIssue(issue.path, candidate, badLanguages)) continue;
      // A reference to a row already refused (its own error names why) is not a second problem.
      const ref = /^(?:Piped )?\$\{([^}]+)\}(?: at position \d+)? does not match/.exec(issue.message);
      if (ref && ctx.dropped.has(ref[1])) continue;
      const located = ctx.map.locate(issue.path, issue.message);
      const key = `${located.sheet}!${located.row}:${located.message}`;
      if (!seen.has(key)) errors.push(located);
      seen.add(key);
    }
  }
  const order = (i: XlsFormIssue) => [KNOWN_SHEETS.indexOf(i.sheet.toLowerCase()), i.row] as const;
  errors.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
  if (errors.length || !parsed.success) return { ok: false, errors, warnings: ctx.warnings };
  ctx.warnings.push(...missingTranslations(parsed.data, ctx));
  return { ok: true, definition: parsed.data, warnings: ctx.warnings };
}

/** Earlier-wave variables read through pulldata() become preload fields (named apart from the form's own names). */
function addPulledPreload(parts: SurveyParts, ctx: ImportContext, sheets: Sheet[]): void {
  for (const [name, { from, at }] of ctx.pulled) {
    if (parts.preload.some((p) => p.name === name)) continue;
    ctx.map.add(["preload", parts.preload.length], sheets.find((s) => s.name === at.sheet) ?? sheets[0], at.row, ctx.plainLang);
    parts.preload.push(from === name ? { name } : { name, from });
  }
}

/** The schema's complaint about a language already reported at its header. */
function isBadLanguageIssue(path: readonly PropertyKey[], def: { languages: string[]; defaultLanguage: string }, bad: Set<string>): boolean {
  if (path.length === 2 && path[0] === "languages" && typeof path[1] === "number") return bad.has(def.languages[path[1]]);
  return path.length === 1 && path[0] === "defaultLanguage" && bad.has(def.defaultLanguage);
}

/** One warning per language that some texts lack; those respondents see the default language. */
function missingTranslations(def: SurveyDefinition, ctx: ImportContext): XlsFormIssue[] {
  const out: XlsFormIssue[] = [];
  const texts = listTexts(def);
  for (const lang of def.languages) {
    if (lang === def.defaultLanguage) continue;
    const missing = texts.filter((t) => t.text[def.defaultLanguage] && !t.text[lang]);
    if (!missing.length) continue;
    const n = missing.length;
    const message = `${n === 1 ? "1 text has" : `${n} texts have`} no "${lang}" translation${n > 1 ? ", the first here" : ""}; respondents reading "${lang}" see "${def.defaultLanguage}" there`;
    out.push(ctx.map.locate([...missing[0].path, lang], message));
  }
  return out;
}
