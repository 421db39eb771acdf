// A frequency table as a download: CSV (the table with its footnotes) or SVG (the bar chart).
import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import type { Cell } from "../files/cells";
import { csvChunks } from "../files/csv";
import { CSV_TYPE, once, type Download } from "../files/download";
import type { FrequencyTable } from "./build-frequency-table";
import { frequencySvg } from "./frequency-svg";
import { getFrequencyTable, type FrequencyQuery } from "./get-frequency-table";

/** The table as CSV rows: a title, the header, one row per option, N, then the footnotes. */
export function frequencyRows(t: FrequencyTable): Cell[][] {
  return [
    [t.question],
    [t.base],
    ["Option", "Code", "Count", "Percent", "Notes"],
    ...t.rows.map((r): Cell[] => [r.label, r.code, r.suppressed ? `<${t.suppressedBelow}` : r.count, r.percent, r.marks.join(",")]),
    ["N (respondents who answered)", "", t.n, t.n > 0 ? 100 : null, ""],
    ...t.footnotes.map((f): Cell[] => [`${f.mark} ${f.text}`]),
    ...(t.suppressedBelow ? [[`Counts from 1 to ${t.suppressedBelow - 1} are suppressed (shown as <${t.suppressedBelow}); in single choice tables a second count with them.`]] : []),
  ];
}

async function* rowsOf(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const r of rows) yield r;
}

export async function exportFrequencyTable(
  db: Db,
  user: StaffUser,
  slug: string,
  query: FrequencyQuery | Record<string, string>,
  format: "csv" | "svg",
  now: Date,
): Promise<Download> {
  const { study, wave, query: q, table } = await getFrequencyTable(db, user, slug, query, now);
  const base = `${study.slug}-${wave.slug}-${table.variable}-${q.branch}`;
  return format === "svg"
    ? { filename: `${base}.svg`, contentType: "image/svg+xml; charset=utf-8", rows: table.rows.length, body: once(frequencySvg(table)) }
    : { filename: `${base}.csv`, contentType: CSV_TYPE, rows: table.rows.length, body: csvChunks(rowsOf(frequencyRows(table)), { bom: true }) };
}
