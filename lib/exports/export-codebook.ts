// The codebook of an export, as its own download (CSV or XLSX).
import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { codebookTable } from "./codebook";
import { csvChunks } from "../files/csv";
import { CSV_TYPE, XLSX_TYPE, type Download } from "../files/download";
import { prepareExport, type ExportQuery } from "./export-query";
import { xlsxChunks } from "../files/xlsx";

/** The codebook for the same options as a response export (shape, waves, identifiers). No answers. */
export async function exportCodebook(db: Db, user: StaffUser, slug: string, query: ExportQuery, now: Date): Promise<Download> {
  const { study, layout, q, fileBase, repeats } = await prepareExport(db, user, slug, query, now);
  const entries = layout.codebook.length + repeats.reduce((n, r) => n + r.layout.codebook.length, 0);
  const rows = codebookTable(layout, study.languages, repeats.map((r) => r.layout));
  return q.format === "xlsx"
    ? { filename: `${fileBase}-codebook.xlsx`, contentType: XLSX_TYPE, rows: entries, body: xlsxChunks([{ name: "codebook", rows }]) }
    : { filename: `${fileBase}-codebook.csv`, contentType: CSV_TYPE, rows: entries, body: csvChunks(rows, { bom: q.bom }) };
}
