import { z } from "zod";
import { noControlCharacters } from "../text/control-characters";
import type { Db } from "../../db/client";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput } from "../errors/app-error";
import { fieldIssues } from "../errors/zod-issues";
import { type InstrumentSource, type UploadWarning, uploadInstrument } from "./upload-instrument";
import { MAX_INSTRUMENT_BYTES, tooLargeMessage } from "./limits";

export const instrumentNameSchema = z
  .string()
  .trim()
  .min(1, "Choose an instrument or name a new one")
  .max(120, "The instrument name may be at most 120 characters")
  .superRefine(noControlCharacters("The instrument name"));

export type UploadedVersion = {
  /** "created": stored as a new version; "unchanged": the same as the newest version, nothing stored. */
  outcome: "created" | "unchanged";
  versionId: string;
  version: number;
  instrument: string;
  /** Located like the errors: sheet, row and column for an XLSForm. */
  warnings: UploadWarning[];
  /** How many differences from the version before (0 for the first version). */
  changes: number;
};

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Which reader a file needs, by its name and, failing that, by its first bytes. */
function sourceOf(filename: string, bytes: Uint8Array): InstrumentSource {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  const zip = XLSX_MAGIC.every((b, i) => bytes[i] === b);
  if (ext === "xls") throw new InvalidInput("Old Excel files (.xls) cannot be read", [{ path: "file", message: "This is an old Excel file (.xls): open it in Excel or LibreOffice and save it as .xlsx" }]);
  if (ext === "xlsx" || (ext !== "json" && zip)) return { kind: "xlsform", bytes, filename };
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  if (ext !== "json" && !text.trimStart().startsWith("{")) {
    throw new InvalidInput("Unknown file type", [{ path: "file", message: "Upload an XLSForm (.xlsx) or a Panelwave JSON definition (.json)" }]);
  }
  try {
    return { kind: "json", data: JSON.parse(text) as unknown, filename };
  } catch (e) {
    throw new InvalidInput("The file is not valid JSON", [{ path: "file", message: `Not valid JSON: ${(e as Error).message}` }]);
  }
}

/**
 * Stores an uploaded XLSForm (.xlsx) or JSON definition as the next version of the named
 * instrument, creating the instrument the first time. Nothing is saved unless the whole file is
 * valid; otherwise InvalidInput lists every problem (sheet, row and column for an XLSForm).
 * Never modifies an existing version: a locked one stays exactly as the waves that use it saw
 * it. Researchers of the study and admins; a study the user may not see is NotFound.
 */
export async function uploadInstrumentFile(
  db: Db,
  user: StaffUser,
  slug: string,
  input: { name: string; filename: string; bytes: Uint8Array },
  now: Date,
): Promise<UploadedVersion> {
  await studyForUser(db, user, slug);
  const name = instrumentNameSchema.safeParse(input.name);
  if (!name.success) {
    const issues = fieldIssues(name.error, "name");
    throw new InvalidInput(issues[0].message, issues);
  }
  if (input.bytes.byteLength > MAX_INSTRUMENT_BYTES) throw new InvalidInput(tooLargeMessage(input.bytes.byteLength), [{ path: "file", message: tooLargeMessage(input.bytes.byteLength) }]);
  if (input.bytes.byteLength === 0) throw new InvalidInput("The file is empty", [{ path: "file", message: "The file is empty" }]);
  const source = sourceOf(input.filename, input.bytes);
  const r = await uploadInstrument(db, user, slug, { name: name.data, source, dryRun: false }, now);
  if (!r.version) throw new Error("uploadInstrument stored no version");
  return {
    outcome: r.outcome === "created" ? "created" : "unchanged",
    versionId: r.version.id,
    version: r.version.version,
    instrument: r.version.instrument,
    warnings: r.warnings,
    changes: r.changes.length,
  };
}
