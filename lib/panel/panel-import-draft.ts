// The browser's panel import in two steps: check (a dry run whose file and preview are kept,
// encrypted, as a draft for an hour) and confirm (imports exactly that file, known by its
// SHA-256, with the options previewed). Nothing is stored in the panel before the confirmation.
import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { deleteExpiredPanelImportDrafts, deletePanelImportDraft, findPanelImportDraft, insertPanelImportDraft, updatePanelImportDraftPreview } from "../../db/queries/panel-import-drafts";
import { isAdmin, studyForUser, type StudyRow } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { recordAudit } from "../audit/record-audit";
import { decryptPersonal, encryptPersonal } from "../crypto/personal-data";
import { AppError, Conflict, type FieldIssue, InvalidInput, NotFound } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { type ImportOptions, type ImportResult, importOptionsSchema, importPanel, MAX_IMPORT_BYTES, type RowOutcome } from "./import-panel";
import { panelFileAsCsv, panelFileKind } from "./read-panel-file";
import { checkHeader, checkRow, type PanelColumns } from "./check-panel-row";
import { readCsvPieces } from "./parse-csv";

/** How long a checked file waits for its confirmation. */
export const DRAFT_MINUTES = 60;

export type Refusal = { message: string; issues: FieldIssue[] };

export type DraftPreview = {
  fileName: string;
  kind: "csv" | "xlsx";
  /** The dry run's result, or why the file could not be checked at all (its header, its format). */
  result: ImportResult | null;
  refusal: Refusal | null;
  /** The first SAMPLE_ROWS rows as read. */
  sample?: SampleRow[];
  /** Why the last confirmation was refused (someone else imported some of these people meanwhile). */
  confirmRefusal?: Refusal;
};

/** One of the first rows as the import reads it, for the researcher to see the columns understood. */
export type SampleRow = {
  row: number;
  /** Null: generated on import. */
  code: string | null;
  language: string;
  consents: [string, boolean][];
  /** The consent date as read (ISO day), or null. */
  date: string | null;
  /** Admins only. */
  email: string | null;
  refused: boolean;
  /** What the import does with the row (the dry run's classification). */
  outcome?: RowOutcome["outcome"];
};

export type Draft = { id: string; sha256: string; options: ImportOptions; preview: DraftPreview; expiresAt: Date };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const refusalOf = (e: unknown): Refusal | null => (e instanceof InvalidInput ? { message: e.message, issues: e.issues } : null);

/**
 * Checks a panel file (CSV or the first sheet of an .xlsx) as a dry run (audited by importPanel)
 * and keeps it as a draft for DRAFT_MINUTES: the CSV text and the preview encrypted under the
 * personal-data key. Returns the draft's id. A file that cannot be read at all is a draft too,
 * so the page can show why. Researchers of the study and admins.
 */
export async function checkPanelFile(db: Db, key: Buffer, user: StaffUser, slug: string, file: { name: string; bytes: Uint8Array }, options: ImportOptions, now: Date): Promise<string> {
  const study = await studyForUser(db, user, slug);
  // The screen updates people already in the panel unless asked otherwise (the API keeps `error`).
  const opts = parseInput(importOptionsSchema, { existing: "update", ...options, dryRun: "false" });
  const chosen: ImportOptions = { existing: opts.existing, ...(opts.dateFormat ? { dateFormat: opts.dateFormat } : {}), ...(opts.wordingVersion ? { wordingVersion: opts.wordingVersion } : {}) };
  if (file.bytes.byteLength === 0) throw new InvalidInput("Choose a file", [{ path: "file", message: "Choose a CSV or .xlsx file with the panel" }]);
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) throw new InvalidInput("The file is too large", [{ path: "file", message: `At most ${MAX_IMPORT_BYTES / 1024 / 1024} MB per import; split the file` }]);
  await deleteExpiredPanelImportDrafts(db, now);
  const kind = panelFileKind(file.name, file.bytes);
  let csv: Uint8Array = new Uint8Array();
  const preview: DraftPreview = { fileName: file.name.slice(0, 200), kind, result: null, refusal: null };
  try {
    csv = await panelFileAsCsv(file.name, file.bytes);
  } catch (e) {
    preview.refusal = refusalOf(e);
    if (!preview.refusal) throw e;
    await recordAudit(db, user, { studyId: study.id, action: "panel.import_check", target: null, filter: { ...chosen, kind }, rowCount: null, outcome: { refused: preview.refusal.message } }, now);
  }
  if (!preview.refusal) {
    try {
      preview.result = await importPanel(db, key, user, slug, csv, { ...chosen, dryRun: "true" }, now);
    } catch (e) {
      preview.refusal = refusalOf(e);
      if (!preview.refusal) throw e;
    }
  }
  if (preview.result) preview.sample = await sampleRows(csv, study, chosen, preview.result, isAdmin(user), now);
  return insertPanelImportDraft(db, {
    studyId: study.id, userId: user.id, fileName: preview.fileName, sha256: sha256(csv),
    csvEncrypted: encryptPersonal(key, Buffer.from(csv).toString("base64")), previewEncrypted: encryptPersonal(key, JSON.stringify(preview)),
    options: chosen, createdAt: now, expiresAt: new Date(now.getTime() + DRAFT_MINUTES * 60_000),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const gone = () => new NotFound("This preview has expired or belongs to someone else; upload the file again");

async function findDraft(db: Db, user: StaffUser, slug: string, id: string, now: Date) {
  const study = await studyForUser(db, user, slug);
  if (!UUID.test(id)) throw gone();
  const row = await findPanelImportDraft(db, { id, studyId: study.id, userId: user.id, now });
  if (!row) throw gone();
  return row;
}

/** The user's own unexpired draft with its preview; NotFound otherwise. */
export async function loadPanelImportDraft(db: Db, key: Buffer, user: StaffUser, slug: string, id: string, now: Date): Promise<Draft> {
  const row = await findDraft(db, user, slug, id, now);
  return { id: row.id, sha256: row.sha256, options: row.options as ImportOptions, preview: JSON.parse(decryptPersonal(key, row.previewEncrypted)) as DraftPreview, expiresAt: row.expiresAt };
}

/**
 * Imports the draft's file with the options previewed, once the researcher confirms. `sha256` is
 * the hash the confirm form carried: the file imported is the one previewed, byte for byte, or
 * nothing is. importPanel checks every row again (someone may have imported some of the same
 * people meanwhile) and records the import; if the rows would no longer be added, updated, left
 * unchanged or skipped as previewed, nothing is stored. A refusal is kept on the draft for the page to show.
 */
export async function confirmPanelImport(db: Db, key: Buffer, user: StaffUser, slug: string, id: string, hash: string, now: Date): Promise<ImportResult> {
  const row = await findDraft(db, user, slug, id, now);
  // Base64 inside the ciphertext: the bytes come back exactly, whatever the file's encoding.
  const csv = new Uint8Array(Buffer.from(decryptPersonal(key, row.csvEncrypted), "base64"));
  if (hash !== row.sha256 || sha256(csv) !== row.sha256) throw new Conflict("This is not the file that was previewed; upload it again");
  const preview = JSON.parse(decryptPersonal(key, row.previewEncrypted)) as DraftPreview;
  if (!preview.result || preview.result.problemCount > 0) throw new InvalidInput("The file has problems; correct it and upload it again", preview.refusal?.issues ?? []);
  try {
    const result = await importPanel(db, key, user, slug, csv, { ...(row.options as ImportOptions), dryRun: "false" }, now, preview.result);
    await deletePanelImportDraft(db, row.id);
    return result;
  } catch (e) {
    if (e instanceof AppError && (e instanceof InvalidInput || e instanceof Conflict)) {
      await updatePanelImportDraftPreview(db, row.id, encryptPersonal(key, JSON.stringify({ ...preview, confirmRefusal: { message: e.message, issues: e.issues } })));
    }
    throw e;
  }
}

/**
 * What the import page shows: the study (access checked even with no draft), and the user's draft
 * when one is asked for, or why it cannot be shown (expired, someone else's).
 */
export async function panelImportScreen(db: Db, key: Buffer, user: StaffUser, slug: string, draftId: string | null, now: Date) {
  const study = await studyForUser(db, user, slug);
  if (!draftId) return { study: { slug: study.slug, name: study.name }, draft: null, gone: null };
  try {
    return { study: { slug: study.slug, name: study.name }, draft: await loadPanelImportDraft(db, key, user, slug, draftId, now), gone: null };
  } catch (e) {
    if (e instanceof NotFound) return { study: { slug: study.slug, name: study.name }, draft: null, gone: e.message };
    throw e;
  }
}

export const SAMPLE_ROWS = 10;

/** The first rows of a checked file as the import reads them (the same header and row rules). */
async function sampleRows(csv: Uint8Array, study: StudyRow, options: ImportOptions, result: ImportResult, admin: boolean, now: Date): Promise<SampleRow[]> {
  const refused = new Set(result.problems.map((p) => p.row));
  const outcomes = new Map(result.outcomes.map((o) => [o.row, o.outcome]));
  let columns: PanelColumns | null = null;
  const out: SampleRow[] = [];
  for await (const piece of readCsvPieces(csv)) {
    for (const record of piece) {
      if (!columns) {
        const header = checkHeader(record.cells);
        if (!header.ok) return [];
        columns = header.columns;
        continue;
      }
      const { row, problems } = checkRow(record, columns, study, () => "", now, options.dateFormat ?? null);
      out.push({
        row: row.line, code: row.code, language: row.language, consents: row.consents, date: row.at ? row.at.toISOString().slice(0, 10) : null,
        email: admin ? row.email : null, refused: problems.length > 0 || refused.has(row.line),
        ...(outcomes.has(row.line) ? { outcome: outcomes.get(row.line) } : {}),
      });
      if (out.length >= SAMPLE_ROWS) return out;
    }
  }
  return out;
}
