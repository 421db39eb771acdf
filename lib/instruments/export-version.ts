import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { type Download, XLSX_TYPE, once } from "../files/download";
import { getInstrumentVersion } from "../studies/get-instrument-version";
import { stringifyDefinition } from "../surveys/json";
import { exportXlsForm } from "../surveys/xlsform/export-xlsform";

export type VersionFormat = "xlsx" | "json";

/** "Wave 2 (2023)", version 3 → "wave-2-2023-v3". */
function baseName(instrument: string, version: number): string {
  const stem = instrument.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "instrument";
  return `${stem}-v${version}`;
}

/**
 * A version as a file: an XLSForm workbook that imports back to the same definition, or the
 * native JSON. Read-only. Researchers of the study and admins; NotFound for another study's version.
 */
export async function exportVersion(db: Db, user: StaffUser, slug: string, versionId: string, format: VersionFormat): Promise<Download> {
  const v = await getInstrumentVersion(db, user, slug, versionId);
  const name = baseName(v.instrument, v.version);
  if (format === "json") {
    return { filename: `${name}.json`, contentType: "application/json; charset=utf-8", rows: null, body: once(stringifyDefinition(v.definition)) };
  }
  const bytes = await exportXlsForm(v.definition);
  return { filename: `${name}.xlsx`, contentType: XLSX_TYPE, rows: null, body: (async function* () { yield new Uint8Array(bytes); })() };
}
