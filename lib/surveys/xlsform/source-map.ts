import type { Path } from "../texts";
import { translatedHeader } from "./headers";
import type { XlsFormIssue } from "./issues";
import type { Header, Sheet } from "./read-workbook";

/** Which XLSForm column holds each definition field. */
const FIELD_COLUMN: Record<string, string> = {
  name: "name", id: "name", code: "name", type: "type", other: "type", options: "type",
  label: "label", title: "label", hint: "hint", required: "required", requiredMessage: "required_message",
  relevant: "relevant", when: "relevant", constraint: "constraint", constraintMessage: "constraint_message",
  default: "default", appearance: "appearance", readOnly: "read_only", choiceFilter: "choice_filter",
  calculation: "calculation", min: "parameters", max: "parameters", rows: "parameters",
  minLabel: "min_label", maxLabel: "max_label", wording: "wording", wordingVersion: "wording_version",
  formTitle: "form_title", exclusive: "exclusive", defaultLanguage: "default_language", languages: "default_language", version: "version",
};
const TEXT_FIELDS = new Set(["label", "title", "formTitle", "hint", "requiredMessage", "constraintMessage", "minLabel", "maxLabel", "wording"]);

interface Entry {
  sheet: Sheet;
  row: number;
  /** Language of the plain (untranslated) columns of this sheet. */
  plainLang: string;
}

/** Maps definition paths (as zod reports them) back to sheet, row and column. */
export class SourceMap {
  private readonly entries = new Map<string, Entry>();

  add(path: Path, sheet: Sheet, row: number, plainLang: string): void {
    this.entries.set(path.join("."), { sheet, row, plainLang });
  }

  locate(path: readonly PropertyKey[], message: string): XlsFormIssue {
    for (let n = path.length; n >= 0; n--) {
      const entry = this.entries.get(path.slice(0, n).join("."));
      if (!entry) continue;
      const rest = path.slice(n).filter((k): k is string => typeof k === "string");
      // The definition's own title comes from settings.form_title, a page's from its group label.
      if (n === 0 && rest[0] === "title") rest[0] = "formTitle";
      const header = findColumn(entry, rest);
      const column = header?.raw ?? (rest[0] ? columnName(rest) : "");
      return { sheet: entry.sheet.name, row: entry.row, column, columnLetter: header?.letter, message };
    }
    return { sheet: "survey", row: 0, column: "", message };
  }
}

function columnName(rest: string[]): string {
  const base = FIELD_COLUMN[rest[0]] ?? rest[0];
  return TEXT_FIELDS.has(rest[0]) && rest[1] ? translatedHeader(base, rest[1]) : base;
}

function findColumn(entry: Entry, rest: string[]): Header | undefined {
  const field = rest[0];
  if (field === undefined) return entry.sheet.headers.find((h) => h.base === "name");
  if (field === "filter" && rest[1]) return entry.sheet.headers.find((h) => h.raw === rest[1]);
  const base = FIELD_COLUMN[field] ?? field;
  const candidates = entry.sheet.headers.filter((h) => h.base === base);
  if (TEXT_FIELDS.has(field) && rest[1]) {
    const lang = rest[1];
    return candidates.find((h) => h.lang === lang) ?? (lang === entry.plainLang ? candidates.find((h) => !h.lang) : undefined);
  }
  return candidates.find((h) => !h.lang) ?? candidates[0];
}
