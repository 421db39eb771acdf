import type { z } from "zod";
import type { surveyDefinitionShape } from "./definition";
import { checkExpressions } from "./definition-expr-checks";
import { type Path, listTexts } from "./texts";
import { type VariableInfo, describeVariable, listVariables } from "./variables";

export type DefinitionShape = z.output<typeof surveyDefinitionShape>;
export type Report = (path: Path, message: string) => void;

/**
 * Cross-field rules of a definition, reported with the path of the offending field so that
 * the JSON editor and the XLSForm importer can both say exactly where the problem is.
 */
export function checkDefinition(def: DefinitionShape, report: Report): void {
  checkLanguages(def, report);
  const variables = checkNames(def, report);
  checkQuestions(def, report);
  checkExpressions(def, variables, report);
}

function checkLanguages(def: DefinitionShape, report: Report): void {
  const langs = new Set<string>();
  def.languages.forEach((l, i) => {
    if (langs.has(l)) report(["languages", i], `Language "${l}" is listed twice`);
    langs.add(l);
  });
  if (!langs.has(def.defaultLanguage)) {
    report(["defaultLanguage"], `The default language "${def.defaultLanguage}" is not one of the languages (${def.languages.join(", ")})`);
  }
  for (const site of listTexts(def)) {
    for (const key of Object.keys(site.text)) {
      if (!langs.has(key)) report([...site.path, key], `Unknown language "${key}"; the survey's languages are ${def.languages.join(", ")}`);
    }
    if (!site.text[def.defaultLanguage]?.trim() && (site.required || Object.keys(site.text).length > 0)) {
      report([...site.path, def.defaultLanguage], `Missing text in the default language "${def.defaultLanguage}"`);
    }
  }
}

/** Unique page ids, unique names across questions, derived fields, calculates and preload. */
function checkNames(def: DefinitionShape, report: Report): Map<string, VariableInfo> {
  const pages = new Map<string, number>();
  def.pages.forEach((p, i) => {
    if (pages.has(p.id)) report(["pages", i, "id"], `Page id "${p.id}" is already used by page ${pages.get(p.id)! + 1}`);
    else pages.set(p.id, i);
  });
  const seen = new Map<string, VariableInfo>();
  for (const v of listVariables(def)) {
    const first = seen.get(v.name);
    if (first) report(v.path, `Name "${v.name}" is already used by ${describeVariable(first)}`);
    else seen.set(v.name, v);
  }
  return seen;
}

function uniqueCodes(codes: string[], path: Path, what: string, report: Report): void {
  const seen = new Set<string>();
  codes.forEach((c, i) => {
    if (seen.has(c)) report([...path, i, "code"], `${what} code "${c}" appears twice`);
    seen.add(c);
  });
}

/** A reference or one of XLSForm's functions called, as in a dynamic default (`today()`, `${age} + 1`). */
const DYNAMIC_DEFAULT = /\$\{|\b(today|now|once|uuid|random|concat|if|coalesce|pulldata|format-date|date|decimal-date-time|position|string|number|int|round|substr)\(/;

function checkRepeat(page: DefinitionShape["pages"][number], i: number, report: Report): void {
  const r = page.repeat;
  if (!r) return;
  if (r.min !== undefined && r.max !== undefined && r.min > r.max) report(["pages", i, "repeat", "max"], `max (${r.max}) is below min (${r.min})`);
  page.questions.forEach((q, j) => {
    if (q.type === "email") report(["pages", i, "questions", j, "type"], `An email question cannot be inside repeat "${r.name}": contact details are kept apart from the answers; ask for it on a page of its own`);
  });
  if (r.count !== undefined && (r.min !== undefined || r.max !== undefined)) {
    report(["pages", i, "repeat", "count"], "A repeat has either a count (the number of entries) or min and max, not both");
  }
}

function checkQuestions(def: DefinitionShape, report: Report): void {
  def.pages.forEach((page, i) => checkRepeat(page, i, report));
  def.pages.forEach((page, i) =>
    page.questions.forEach((q, j) => {
      const path: Path = ["pages", i, "questions", j];
      if (q.type === "single" || q.type === "multiple" || q.type === "matrix") {
        uniqueCodes(q.options.map((o) => o.code), [...path, "options"], q.type === "matrix" ? "Column" : "Option", report);
      }
      if (q.type === "matrix") uniqueCodes(q.rows.map((r) => r.code), [...path, "rows"], "Row", report);
      if (q.type === "multiple" || q.type === "matrix") {
        q.options.forEach((o, k) => {
          if (/\s/.test(o.code)) report([...path, "options", k, "code"], `Code "${o.code}" contains a space; a ${q.type === "multiple" ? "multiple choice stores its answers as space-separated codes" : "matrix column code becomes part of a variable"}, so use e.g. "${o.code.replace(/\s+/g, "_")}"`);
        });
      }
      if ((q.type === "single" || q.type === "multiple") && q.other && !q.options.some((o) => o.code === "other")) {
        report([...path, "other"], `"other" is set but question "${q.name}" has no option with code "other"`);
      }
      if ((q.type === "integer" || q.type === "decimal" || q.type === "scale") && q.min !== undefined && q.max !== undefined && q.min > q.max) {
        report([...path, "max"], `max (${q.max}) is below min (${q.min})`);
      }
      if (q.type === "integer" && [q.min, q.max].some((v) => v !== undefined && !Number.isInteger(v))) {
        report([...path, "min"], "min and max of an integer question must be whole numbers");
      }
      if (q.type === "note" && q.required) report([...path, "required"], "A note has no answer and cannot be required");
      if (q.default !== undefined && DYNAMIC_DEFAULT.test(q.default)) {
        // XLSForm allows an expression as a default (a "dynamic default"); Panelwave shows a
        // default as typed, so an expression would appear to the respondent as text.
        report([...path, "default"], `Default "${q.default}" is an expression; only fixed defaults are supported. Use a calculate for a computed value, or a preload field for one from an earlier wave`);
      } else if ((q.type === "single" || q.type === "multiple") && q.default !== undefined) {
        const codes = new Set(q.options.map((o) => o.code));
        const given = q.type === "single" ? [q.default.trim()] : q.default.trim().split(/\s+/).filter(Boolean);
        const bad = given.filter((c) => c !== "" && !codes.has(c));
        if (bad.length) report([...path, "default"], `Default "${bad.join(" ")}" is not an option code of "${q.name}"`);
      }
    }),
  );
}
