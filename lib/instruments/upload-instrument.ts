// Uploading a questionnaire version from an XLSForm or a JSON definition.
import type { Db } from "../../db/client";
import { insertNextVersion, latestVersionByName, type VersionRow } from "../../db/queries/instruments";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput, type FieldIssue } from "../errors/app-error";
import type { SurveyDefinition } from "../surveys/definition";
import { diffDefinitions, type DefinitionChange } from "../surveys/diff-definitions";
import { parseDefinition } from "../surveys/json";
import { loadStoredDefinition } from "../surveys/load-stored-definition";
import { importXlsForm } from "../surveys/xlsform/import-xlsform";
import type { XlsFormIssue } from "../surveys/xlsform/issues";

export type InstrumentSource =
  | { kind: "xlsform"; bytes: Uint8Array; filename: string | null }
  | { kind: "json"; data: unknown; filename: string | null };

export type UploadWarning = { path: string; message: string; sheet?: string; row?: number; column?: string };

export type UploadResult = {
  /** "created": a new version; "unchanged": the same as the newest version, nothing stored; "valid": dry run. */
  outcome: "created" | "unchanged" | "valid";
  version: VersionRow | null;
  warnings: UploadWarning[];
  /** What differs from the newest version before this upload (empty for the first). */
  changes: DefinitionChange[];
  definition: SurveyDefinition;
};

/** Where an XLSForm issue is, as a spreadsheet user would look: "survey!C12". */
export function xlsIssue(i: XlsFormIssue): UploadWarning {
  const cell = i.row ? `${i.columnLetter ?? ""}${i.row}` : "";
  const path = i.sheet ? `${i.sheet}${cell ? `!${cell}` : ""}` : "file";
  return { path, message: i.message, ...(i.sheet ? { sheet: i.sheet } : {}), ...(i.row ? { row: i.row } : {}), ...(i.column ? { column: i.column } : {}) };
}

/** JSON with object keys sorted: jsonb does not keep key order, so compare this way. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

async function parseSource(src: InstrumentSource): Promise<{ definition: SurveyDefinition; warnings: UploadWarning[] }> {
  if (src.kind === "xlsform") {
    const r = await importXlsForm(src.bytes);
    if (!r.ok) throw new InvalidInput(`The XLSForm has ${r.errors.length} problem${r.errors.length === 1 ? "" : "s"}`, r.errors.map(xlsIssue) as FieldIssue[]);
    return { definition: r.definition, warnings: r.warnings.map(xlsIssue) };
  }
  const r = parseDefinition(src.data);
  if (!r.ok) {
    throw new InvalidInput(`The definition has ${r.errors.length} problem${r.errors.length === 1 ? "" : "s"}`,
      r.errors.map((e) => ({ path: e.path || "_", message: `${e.where}: ${e.message}` })));
  }
  return { definition: r.definition, warnings: [] };
}

/**
 * Checks a questionnaire (every problem, each located: sheet, row and column for XLSForm, the JSON
 * path for JSON) and stores it as the next version of the named instrument, unless it is the same
 * as the newest version. `dryRun` only checks and compares. Versions are immutable; waves lock the
 * one they use. Researchers of the study and admins.
 */
export async function uploadInstrument(
  db: Db,
  user: StaffUser,
  slug: string,
  input: { name: string; source: InstrumentSource; dryRun: boolean },
  now: Date,
): Promise<UploadResult> {
  const study = await studyForUser(db, user, slug);
  const { definition, warnings } = await parseSource(input.source);
  const latest = await latestVersionByName(db, study.id, input.name);
  const changes = latest ? diffDefinitions(loadStoredDefinition(latest.id, latest.definition), definition) : [];
  const same = latest && changes.length === 0 && canonical(latest.definition) === canonical(definition);
  if (same) {
    const { definition: _d, ...version } = latest;
    return { outcome: "unchanged", version: version as VersionRow, warnings, changes, definition };
  }
  if (input.dryRun) return { outcome: "valid", version: null, warnings, changes, definition };
  const version = await transaction(db, async (tx) => {
    const v = await insertNextVersion(tx, {
      studyId: study.id, name: input.name, definition, sourceFormat: input.source.kind, sourceName: input.source.filename, createdBy: user.id, now,
    });
    await recordAudit(tx, user, {
      studyId: study.id, action: "instrument.version_uploaded", target: `${v.instrument} v${v.version}`, filter: {}, rowCount: null,
      outcome: { instrument: v.instrument, version: v.version, format: input.source.kind, file: input.source.filename ?? null, changes: changes.length },
    }, now);
    return v;
  });
  return { outcome: "created", version, warnings, changes, definition };
}
