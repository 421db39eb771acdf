// The codebook: every column with its label in each language, type, value labels and the
// condition under which it was shown.
import type { Text } from "../surveys/definition";
import type { Cell } from "../files/cells";
import type { CodebookEntry, Layout } from "./export-layout";

const textIn = (t: Text, lang: string) => t[lang] ?? t.en ?? Object.values(t)[0] ?? "";

/** The main table's name in the codebook's `table` column (and the XLSX export's first sheet). */
export const MAIN_TABLE = "data";

/** With `transformations` (a de-identified export), a last column says what was done to each column. */
export function codebookHeader(languages: string[], transformations = false): string[] {
  return [
    "column", "wave", "variable", "type",
    ...languages.map((l) => `label_${l}`),
    ...languages.map((l) => `value_labels_${l}`),
    "shown_when", "wording_variants", "table",
    ...(transformations ? ["transformation"] : []),
  ];
}

/** One row per export column; value labels read `code = label; …`. */
export function codebookRows(entries: CodebookEntry[], languages: string[], transformations = false): Cell[][] {
  return entries.map((e) => [
    e.name, e.wave, e.variable, e.type,
    ...languages.map((l) => textIn(e.label, l)),
    ...languages.map((l) => e.values.map((v) => `${v.code} = ${textIn(v.label, l)}`).join("; ")),
    e.shownWhen ?? "",
    (e.variants ?? []).map((v) => `${v.when}: ${textIn(v.label, "en")}`).join("; "),
    e.table ?? MAIN_TABLE,
    ...(transformations ? [e.transformation ?? "none"] : []),
  ]);
}

/**
 * The codebook of a layout and its repeats' layouts: their columns, then any a profile dropped (each saying why). The
 * transformation column appears only when a profile transformed something.
 */
export async function* codebookTable(layout: Pick<Layout, "codebook" | "dropped">, languages: string[], repeats: Pick<Layout, "codebook" | "dropped">[] = []): AsyncGenerator<Cell[]> {
  // Every table's columns (the repeats' long tables after the main one; column "table" tells
  // them apart), then what a profile dropped.
  const entries = [...layout.codebook, ...repeats.flatMap((r) => r.codebook), ...(layout.dropped ?? []), ...repeats.flatMap((r) => r.dropped ?? [])];
  const transformations = entries.some((e) => e.transformation);
  yield codebookHeader(languages, transformations);
  for (const r of codebookRows(entries, languages, transformations)) yield r;
}
