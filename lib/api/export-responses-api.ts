// The API's response export: the layouts of lib/exports (wide or long, pseudonymous unless an
// admin asks for identifiers) as CSV or JSON, streamed, optionally only what changed since a time.
import { z } from "zod";
import type { Db } from "../../db/client";
import { countExportRows, type ExportFilter } from "../../db/queries/exports";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import type { Cell } from "../exports/cells";
import { csvChunks, csvLine } from "../exports/csv";
import { CSV_TYPE, type Download } from "../exports/download";
import { prepareExport } from "../exports/export-query";
import { exportRows } from "../exports/export-rows";

export const apiExportQuerySchema = z.object({
  shape: z.enum(["wide", "long"]).default("wide").describe("wide: one row per participant; long: one row per participant and wave"),
  format: z.enum(["csv", "json"]).default("csv"),
  waves: z.string().regex(/^[a-z0-9,-]*$/, "Comma-separated wave slugs").default("").describe("Comma-separated wave slugs; empty: every wave"),
  completed: z.stringbool().default(true).describe("Only completed responses (default) or every response begun"),
  since: z.iso.datetime({ offset: true, message: "An ISO 8601 time, e.g. 2023-05-01T00:00:00Z" }).optional()
    .describe("Only responses changed at or after this time (wide: participants with such a response, with all their chosen waves)"),
  identifiers: z.stringbool().default(false).describe("Add the email column (admins only; audited)"),
  bom: z.stringbool().default(false).describe("CSV: start with a UTF-8 byte-order mark for Excel"),
});
export type ApiExportQuery = z.output<typeof apiExportQuerySchema>;

const jsonValue = (v: Cell): string =>
  v === null || v === undefined ? "null" : typeof v === "number" ? (Number.isFinite(v) ? String(v) : "null") : JSON.stringify(v);

/** `{meta…, "columns": […], "rows": [{column: value, …}, …]}`, written row by row (keys escaped once). */
async function* jsonChunks(meta: Record<string, unknown>, header: string[], rows: AsyncIterable<Cell[]>): AsyncGenerator<Uint8Array> {
  const head = JSON.stringify({ ...meta, columns: header });
  // The head goes at once, so a client sees the columns before the first batch is read.
  yield Buffer.from(`${head.slice(0, -1)},"rows":[`, "utf8");
  const keys = header.map((h, i) => `${i ? "," : "{"}${JSON.stringify(h)}:`);
  let buf = "";
  let first = true;
  for await (const row of rows) {
    let line = first ? "" : ",";
    for (let i = 0; i < keys.length; i++) line += keys[i] + jsonValue(row[i]);
    buf += keys.length ? `${line}}` : `${line}{}`;
    first = false;
    if (buf.length >= 256 * 1024) {
      yield Buffer.from(buf, "utf8");
      buf = "";
    }
  }
  yield Buffer.from(`${buf}]}\n`, "utf8");
}

/**
 * Streams the study's responses. Authorization as for the staff download (identifiers: admins
 * only, Forbidden otherwise; the study: its researchers and admins, NotFound otherwise); the
 * export is written to the audit log before the first byte. Memory stays flat (keyset batches).
 */
export async function exportResponsesApi(db: Db, key: Buffer, user: StaffUser, slug: string, q: ApiExportQuery, now: Date): Promise<Download> {
  const { study, waves, layout, fileBase } = await prepareExport(
    db, user, slug, { shape: q.shape, format: "csv", waves: q.waves, completed: String(q.completed), identifiers: String(q.identifiers) }, now,
  );
  const since = q.since ? new Date(q.since) : null;
  const filter: ExportFilter = { studyId: study.id, waveIds: waves.map((w) => w.id), completedOnly: q.completed, updatedSince: since };
  const rows = await countExportRows(db, filter, q.shape);
  await recordAudit(
    db, user,
    {
      studyId: study.id,
      action: q.identifiers ? "export.responses_identified" : "export.responses",
      target: `${q.shape}.${q.format}`,
      filter: { via: "api", shape: q.shape, format: q.format, waves: waves.map((w) => w.slug), completed: q.completed, identifiers: q.identifiers, since: q.since ?? null },
      rowCount: rows,
    },
    now,
  );
  const data = () => exportRows(db, key, filter, layout, { identifiers: q.identifiers, shape: q.shape });
  if (q.format === "json") {
    const meta = { study: study.slug, shape: q.shape, waves: waves.map((w) => w.slug), completed: q.completed, since: q.since ?? null, generatedAt: now.toISOString(), rowCount: rows };
    return { filename: `${fileBase}.json`, contentType: "application/json", rows, body: jsonChunks(meta, layout.header, data()) };
  }
  async function* withHeader(): AsyncGenerator<Uint8Array> {
    // The header line goes at once (time to first byte), then rows in chunks of about 256 KB.
    yield Buffer.from(`${q.bom ? "\uFEFF" : ""}${csvLine(layout.header)}`, "utf8");
    yield* csvChunks(data());
  }
  return { filename: `${fileBase}.csv`, contentType: CSV_TYPE, rows, body: withHeader() };
}
