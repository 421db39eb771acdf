// Column names as other XLSForm dialects write them (pyxform's aliases.py, SurveyCTO, ODK
// Build), mapped onto the names the importer reads, and the duplicate-header check that has
// to run after the mapping (a sheet with both `relevant` and `relevance` is ambiguous).
import type { Header, Sheet } from "./read-sheet";
import type { XlsFormIssue } from "./issues";

const SURVEY: Record<string, string> = {
  caption: "label", relevance: "relevant", "bind::relevant": "relevant", "bind::constraint": "constraint",
  "bind::required": "required", "bind::calculate": "calculation", "bind::readonly": "read_only",
  "bind::jr:constraintmsg": "constraint_message", "bind::jr:requiredmsg": "required_message",
  "body::appearance": "appearance", "control::appearance": "appearance", "required_message": "required_message",
  constraint_msg: "constraint_message", "jr:constraintmsg": "constraint_message", "jr:requiredmsg": "required_message",
  hints: "hint", calculate: "calculation", readonly: "read_only",
};
const CHOICES: Record<string, string> = { value: "name", caption: "label", list: "list_name", listname: "list_name" };

/** `bind:relevant` and `bind::relevant` read alike; parseHeader splits them at the colon. */
function dialectName(h: Header): string {
  const raw = h.raw.trim().toLowerCase().replace(/\s+/g, "_");
  const m = /^(bind|body|control)::?(.+)$/.exec(raw);
  return m ? `${m[1]}::${m[2].replace(/^:/, "")}` : h.lang ? h.base : raw;
}

/** Renames alias columns in place (their `base`), so every later step reads one name. */
export function applyColumnAliases(sheet: Sheet, kind: "survey" | "choices"): void {
  const table = kind === "survey" ? SURVEY : CHOICES;
  for (const h of sheet.headers) {
    const name = dialectName(h);
    const to = table[name] ?? table[h.base];
    if (name.includes("::") && !to) {
      h.base = name; // an unknown bind:: column stays unknown (a warning elsewhere), never a language
      delete h.lang;
      delete h.langLabel;
      continue;
    }
    if (!to || to === h.base && !name.includes("::")) continue;
    if (name.includes("::")) {
      delete h.lang;
      delete h.langLabel;
    }
    h.base = to;
  }
}

/**
 * Two columns with the same name (after aliases) are refused, naming their letters: pyxform
 * refuses them too, and reading only the first would silently drop the others' texts.
 */
export function duplicateColumns(sheet: Sheet): XlsFormIssue[] {
  const groups = new Map<string, Header[]>();
  for (const h of sheet.headers) {
    const key = `${h.base}::${(h.langLabel ?? "").toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => {
    const letters = g.map((h) => h.letter);
    const list = `${letters.slice(0, -1).join(", ")} and ${letters.at(-1)}`;
    return {
      sheet: sheet.name, row: sheet.headerRow, column: g[0].raw, columnLetter: g[0].letter,
      message: `Columns ${list} are all "${g[0].base}${g[0].langLabel ? `::${g[0].langLabel}` : ""}" (${g.map((h) => `"${h.raw}"`).join(", ")}); keep one of them`,
    };
  });
}
