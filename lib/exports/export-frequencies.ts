// The de-identified frequency tables as their own CSV download (the XLSX export carries them as a sheet).
import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { csvChunks } from "../files/csv";
import { CSV_TYPE, type Download } from "../files/download";
import { deidentifiedFrequencyRows } from "./deidentified-frequencies";
import { prepareExport, type ExportQuery } from "./export-query";

/** Every choice question's table for the export's waves, small cells suppressed; counts only, for the study's researchers and admins. */
export async function exportFrequencies(db: Db, user: StaffUser, slug: string, query: ExportQuery, now: Date): Promise<Download> {
  const prepared = await prepareExport(db, user, slug, { ...query, profile: "deidentified", identifiers: "false", format: "csv" }, now);
  return { filename: `${prepared.fileBase}-frequencies.csv`, contentType: CSV_TYPE, rows: null, body: csvChunks(deidentifiedFrequencyRows(db, prepared, now), { bom: prepared.q.bom }) };
}
