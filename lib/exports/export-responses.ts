// Response exports for analysis: wide or long, CSV or XLSX, streamed in batches. The one entry
// point behind both the staff download and the API (export-responses-api.ts).
import type { Db } from "../../db/client";
import { countExportRows, type ExportFilter } from "../../db/queries/exports";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import type { Cell } from "../files/cells";
import { csvChunks } from "../files/csv";
import { CSV_TYPE, XLSX_TYPE, type Download } from "../files/download";
import { xlsxChunks } from "../files/xlsx";
import { codebookTable, MAIN_TABLE } from "./codebook";
import type { Layout } from "./export-layout";
import { prepareExport, type ExportQuery, type PreparedExport } from "./export-query";
import { exportRows } from "./export-rows";
import { deidentifiedFrequencyRows } from "./deidentified-frequencies";

export type OpenedExport = PreparedExport & {
  /** Participants (wide) or responses (long) in the export, as recorded in the audit log. */
  rows: number;
  /** The data rows, without the header, read in keyset batches. */
  data: () => AsyncGenerator<Cell[]>;
  filter: ExportFilter;
};

/**
 * Authorizes and lays out a response export (prepareExport), counts its rows and writes it to the
 * audit log (who, when, options, rows) before anything is read, so an interrupted download is on
 * record too. `file` says what is written: its format (the API also writes JSON), `since` (only
 * responses changed at or after it) and `via` (recorded for API calls).
 */
export async function openResponseExport(
  db: Db, key: Buffer, user: StaffUser, slug: string, query: ExportQuery,
  file: { format?: string; since?: string | null; via?: "api" }, now: Date,
): Promise<OpenedExport> {
  const prepared = await prepareExport(db, user, slug, query, now, key);
  const { study, waves, layout, q } = prepared;
  const format = file.format ?? q.format;
  const filter: ExportFilter = { studyId: study.id, waveIds: waves.map((w) => w.id), completedOnly: q.completed, updatedSince: file.since ? new Date(file.since) : null };
  const rows = await countExportRows(db, filter, q.shape);
  await recordAudit(
    db, user,
    {
      studyId: study.id,
      action: q.identifiers ? "export.responses_identified" : "export.responses",
      target: `${q.shape}.${format}`,
      filter: {
        ...(file.via ? { via: file.via } : {}),
        shape: q.shape, format, waves: waves.map((w) => w.slug), completed: q.completed, identifiers: q.identifiers, profile: q.profile, ...(q.repeat ? { repeat: q.repeat } : {}),
        ...(file.since !== undefined ? { since: file.since } : {}),
      },
      rowCount: rows,
    },
    now,
  );
  return { ...prepared, rows, filter, data: () => exportRows(db, key, filter, layout, { identifiers: q.identifiers && q.profile === "pseudonymous", shape: q.shape }) };
}

/**
 * Streams responses in the chosen layout: pseudonymous (participants.code) by default; with
 * `identifiers`, admins only, an email column (never for a withdrawn participant). Memory stays
 * flat: participants are read 500 at a time by keyset paging, the next batch while the last is
 * written. Audited before the first byte (openResponseExport). XLSX adds a codebook sheet, and
 * in the de-identified profile the frequency tables with small cells suppressed.
 */
export async function exportResponses(db: Db, key: Buffer, user: StaffUser, slug: string, query: ExportQuery, now: Date): Promise<Download> {
  const opened = await openResponseExport(db, key, user, slug, query, {}, now);
  const { study, layout, q, fileBase, rows, data, repeats, filter } = opened;
  if (q.format === "xlsx") {
    async function* withHeader(l: Layout, body: AsyncGenerator<Cell[]>): AsyncGenerator<Cell[]> {
      yield l.header;
      yield* body;
    }
    // Like KoboToolbox: each repeat's long table on a sheet of its own, read after the main one.
    const repeatSheets = repeats.map((r) => ({
      name: r.name.slice(0, 31), rows: withHeader(r.layout, exportRows(db, key, filter, r.layout, { identifiers: q.identifiers && q.profile === "pseudonymous", shape: "long" })),
    }));
    return {
      filename: `${fileBase}.xlsx`, contentType: XLSX_TYPE, rows,
      body: xlsxChunks([
        { name: q.repeat ? q.repeat.slice(0, 31) : MAIN_TABLE, rows: withHeader(layout, data()) }, ...repeatSheets,
        { name: "codebook", rows: codebookTable(layout, study.languages, repeats.map((r) => r.layout)) },
        ...(q.profile === "deidentified" && !q.repeat ? [{ name: "frequencies", rows: deidentifiedFrequencyRows(db, opened, now) }] : []),
      ]),
    };
  }
  return { filename: `${fileBase}.csv`, contentType: CSV_TYPE, rows, body: csvChunks(data(), { bom: q.bom, header: layout.header }) };
}
