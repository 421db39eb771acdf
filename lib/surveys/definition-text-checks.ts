import { LANGUAGE_TAG_HINT, isLanguageTag } from "../i18n/language-tag";
import { controlCharacterMessage, findControlCharacter, type TextKind } from "../text/control-characters";
import type { DefinitionShape, Report } from "./definition-checks";
import type { Path } from "./texts";

/** Keys whose value is per-language text (labels may hold line breaks). */
const TEXT_KEYS = new Set(["title", "label", "hint", "requiredMessage", "constraintMessage", "minLabel", "maxLabel", "wording"]);
/** Keys holding an expression (XLSForm allows line breaks in long ones). */
const EXPRESSION_KEYS = new Set(["relevant", "constraint", "calculation", "choiceFilter", "required", "readOnly", "when"]);

const FIELD_NAMES: Record<string, string> = {
  code: "The code", name: "The name", id: "The id", version: "The version", wordingVersion: "The wording version",
  appearance: "The appearance", default: "The default", defaultLanguage: "The default language",
};

function fieldName(path: Path, kind: "text" | "expression" | "line"): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (kind === "text") return `The ${String(parent)} in "${String(last)}"`;
  if (kind === "expression") return `The expression in ${String(last)}`;
  if (parent === "filter") return `The filter value "${String(last)}"`;
  if (parent === "languages") return "The language code";
  return FIELD_NAMES[String(last)] ?? `"${String(last)}"`;
}

/**
 * What a definition may contain as text, checked where it enters (upload, API, XLSForm import):
 * language codes are BCP 47 tags, and no name, code, label or expression holds a control
 * character (labels and expressions may hold line breaks). Definitions stored before these
 * checks are read without them (storedDefinitionSchema); whatever writes them into another
 * syntax escapes them regardless.
 */
export function checkDefinitionText(def: DefinitionShape, report: Report): void {
  def.languages.forEach((l, i) => {
    if (!isLanguageTag(l)) report(["languages", i], `The language ${JSON.stringify(l.slice(0, 40))} is not ${LANGUAGE_TAG_HINT}`);
  });
  if (!isLanguageTag(def.defaultLanguage)) {
    report(["defaultLanguage"], `The default language ${JSON.stringify(def.defaultLanguage.slice(0, 40))} is not ${LANGUAGE_TAG_HINT}`);
  }
  walk(def, [], "line", report);
}

function check(s: string, path: Path, kind: "text" | "expression" | "line", report: Report): void {
  const textKind: TextKind = kind === "line" ? "line" : "multiline";
  const found = findControlCharacter(s, textKind);
  if (found) report(path, controlCharacterMessage(fieldName(path, kind), found, textKind));
}

function walk(node: unknown, path: Path, kind: "text" | "expression" | "line", report: Report): void {
  if (typeof node === "string") return check(node, path, kind, report);
  if (Array.isArray(node)) return node.forEach((x, i) => walk(x, [...path, i], kind, report));
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    // A key is a language (texts) or a filter column name: both are checked as one line.
    if (kind !== "text") check(key, [...path, key], "line", report);
    const next = kind === "text" ? "text" : TEXT_KEYS.has(key) && value && typeof value === "object" ? "text" : EXPRESSION_KEYS.has(key) ? "expression" : "line";
    walk(value, [...path, key], next, report);
  }
}
