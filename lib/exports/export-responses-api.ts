// The API's response export: the layouts of the staff export (wide or long, pseudonymous unless
// an admin asks for identifiers) as CSV or JSON, streamed, optionally only what changed since a time.
import { z } from "zod";
import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { csvChunks } from "../files/csv";
import { CSV_TYPE, type Download } from "../files/download";
import { jsonRowsChunks } from "../files/json-rows";
import { openResponseExport } from "./export-responses";
import { EXPORT_PROFILES } from "./deidentify-layout";

export const apiExportQuerySchema = z.object({
  shape: z.enum(["wide", "long"]).default("wide").describe("wide: one row per participant; long: one row per participant and wave"),
  format: z.enum(["csv", "json"]).default("csv"),
  waves: z.string().regex(/^[a-z0-9,-]*$/, "Comma-separated wave slugs").default("").describe("Comma-separated wave slugs; empty: every wave"),
  completed: z.stringbool().default(true).describe("Only completed responses (default) or every response begun"),
  since: z.iso.datetime({ offset: true, message: "An ISO 8601 time, e.g. 2023-05-01T00:00:00Z" }).optional()
    .describe("Only responses changed at or after this time (wide: participants with such a response, with all their chosen waves)"),
  identifiers: z.stringbool().default(false).describe("Add the email column (admins only; audited)"),
  profile: z.enum(EXPORT_PROFILES).default("pseudonymous")
    .describe("pseudonymous (participant codes) or deidentified (identifier questions dropped, codes hashed per export, dates shifted per participant, free text masked)"),
  bom: z.stringbool().default(false).describe("CSV: start with a UTF-8 byte-order mark for Excel"),
});
export type ApiExportQuery = z.output<typeof apiExportQuerySchema>;

/**
 * Streams the study's responses. Authorization and audit as for the staff download
 * (openResponseExport: identifiers for admins only, Forbidden otherwise; the study for its
 * researchers and admins, NotFound otherwise). Memory stays flat (keyset batches).
 */
export async function exportResponsesApi(db: Db, key: Buffer, user: StaffUser, slug: string, q: ApiExportQuery, now: Date): Promise<Download> {
  const { study, waves, layout, fileBase, rows, data } = await openResponseExport(
    db, key, user, slug,
    { shape: q.shape, format: "csv", waves: q.waves, completed: String(q.completed), identifiers: String(q.identifiers), profile: q.profile },
    { format: q.format, since: q.since ?? null, via: "api" },
    now,
  );
  if (q.format === "json") {
    const meta = { study: study.slug, shape: q.shape, profile: q.profile, waves: waves.map((w) => w.slug), completed: q.completed, since: q.since ?? null, generatedAt: now.toISOString(), rowCount: rows };
    return { filename: `${fileBase}.json`, contentType: "application/json", rows, body: jsonRowsChunks(meta, layout.header, data()) };
  }
  return { filename: `${fileBase}.csv`, contentType: CSV_TYPE, rows, body: csvChunks(data(), { bom: q.bom, header: layout.header }) };
}
