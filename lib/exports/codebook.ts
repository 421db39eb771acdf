// The codebook: every column with its label in each language, type, value labels and the
// condition under which it was shown.
import type { Text } from "../surveys/definition";
import type { Cell } from "../files/cells";
import type { CodebookEntry } from "./export-layout";

const textIn = (t: Text, lang: string) => t[lang] ?? t.en ?? Object.values(t)[0] ?? "";

/** The main table's name in the codebook's `table` column (and the XLSX export's first sheet). */
export const MAIN_TABLE = "data";

export function codebookHeader(languages: string[]): string[] {
  return [
    "column", "wave", "variable", "type",
    ...languages.map((l) => `label_${l}`),
    ...languages.map((l) => `value_labels_${l}`),
    "shown_when", "wording_variants", "table",
  ];
}

/** One row per export column; value labels read `code = label; …`. */
export function codebookRows(entries: CodebookEntry[], languages: string[]): Cell[][] {
  return entries.map((e) => [
    e.name, e.wave, e.variable, e.type,
    ...languages.map((l) => textIn(e.label, l)),
    ...languages.map((l) => e.values.map((v) => `${v.code} = ${textIn(v.label, l)}`).join("; ")),
    e.shownWhen ?? "",
    (e.variants ?? []).map((v) => `${v.when}: ${textIn(v.label, "en")}`).join("; "),
    e.table ?? MAIN_TABLE,
  ]);
}

export async function* codebookTable(entries: CodebookEntry[], languages: string[]): AsyncGenerator<Cell[]> {
  yield codebookHeader(languages);
  for (const r of codebookRows(entries, languages)) yield r;
}
