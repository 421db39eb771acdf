// Response exports for analysis: wide or long, CSV or XLSX, streamed in batches.
import type { Db } from "../../db/client";
import { countExportRows, type ExportFilter } from "../../db/queries/exports";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import type { Cell } from "./cells";
import { codebookTable } from "./codebook";
import { csvChunks } from "./csv";
import { CSV_TYPE, XLSX_TYPE, type Download } from "./download";
import { prepareExport, type ExportQuery } from "./export-query";
import { exportRows } from "./export-rows";
import { xlsxChunks } from "./xlsx";

/**
 * Streams responses in the chosen layout: pseudonymous (participants.code) by default; with
 * `identifiers`, admins only, an email column (never for a withdrawn participant). Memory stays
 * flat: participants are read 500 at a time by keyset paging, the next batch while the last is written. Every export is written to the
 * audit log (who, when, options, rows) before the first byte. XLSX adds a codebook sheet.
 */
export async function exportResponses(db: Db, key: Buffer, user: StaffUser, slug: string, query: ExportQuery, now: Date): Promise<Download> {
  const { study, waves, layout, q, fileBase } = await prepareExport(db, user, slug, query, now);
  const filter: ExportFilter = { studyId: study.id, waveIds: waves.map((w) => w.id), completedOnly: q.completed };
  const rows = await countExportRows(db, filter, q.shape);
  await recordAudit(
    db, user,
    {
      studyId: study.id,
      action: q.identifiers ? "export.responses_identified" : "export.responses",
      target: `${q.shape}.${q.format}`,
      filter: { shape: q.shape, format: q.format, waves: waves.map((w) => w.slug), completed: q.completed, identifiers: q.identifiers },
      rowCount: rows,
    },
    now,
  );
  async function* data(): AsyncGenerator<Cell[]> {
    yield layout.header;
    yield* exportRows(db, key, filter, layout, { identifiers: q.identifiers, shape: q.shape });
  }
  if (q.format === "xlsx") {
    const languages = study.languages;
    return {
      filename: `${fileBase}.xlsx`, contentType: XLSX_TYPE, rows,
      body: xlsxChunks([{ name: "data", rows: data() }, { name: "codebook", rows: codebookTable(layout.codebook, languages) }]),
    };
  }
  return { filename: `${fileBase}.csv`, contentType: CSV_TYPE, rows, body: csvChunks(data(), { bom: q.bom }) };
}
