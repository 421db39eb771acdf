// Importing a panel from CSV: participants with their contact (email, language) and consents.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { existingCodes, existingEmailHashes, insertPanelRows, type PanelRows } from "../../db/queries/participants";
import { isAdmin, studyForUser, type StudyRow } from "../auth/permissions";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { emailHasher, personalEncrypter } from "../crypto/personal-data";
import { newParticipantCode } from "../crypto/tokens";
import { Conflict, InvalidInput } from "../errors/app-error";
import { type ImportProblem, type PanelColumns, type PanelRow, checkHeader, checkRow } from "./check-panel-row";
import { CsvSyntaxError, lineOfNthNonEmptyLine, readCsvPieces } from "./parse-csv";
import { type DateFormat, dateFormatSchema } from "./date-format";

export type { ImportProblem } from "./check-panel-row";

/** What one import may hold: rows after the header, and bytes (the API refuses larger bodies with 413). */
export const MAX_IMPORT_ROWS = 200_000;
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** Problems listed in a result; `problemCount` says how many there were in all. */
export const MAX_LISTED_PROBLEMS = 1_000;
const LOOKUP_BATCH = 2_000;
const INSERT_BATCH = 1_000;
/** Between pieces of the CSV (16 KB, a few hundred rows) other requests get their turn. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const tooManyRows = (line: number) =>
  new InvalidInput("Too many rows", [{ path: `row ${line}`, message: `At most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows per import; split the file` }]);

export const importOptionsSchema = z.object({
  /** Check every row and report, store nothing. */
  dryRun: z.stringbool().default(false),
  /** An email already in the panel: report it as a problem (default) or skip the row. */
  existing: z.enum(["error", "skip"]).default("error"),
  /** The consent wording version the imported consents were given under, if known. */
  wordingVersion: z.string().trim().max(100).optional(),
  /** The file's date format (consent_date); without it only ISO dates and dates with one possible reading are accepted. */
  dateFormat: dateFormatSchema.optional(),
});
export type ImportOptions = z.input<typeof importOptionsSchema>;

export type ImportResult = {
  dryRun: boolean;
  rows: number;
  /** The header's columns, as recognised (lower-cased). */
  columns: string[];
  /** Rows with at least one problem of their own. */
  refusedRows: number;
  created: number;
  skipped: number;
  /** Rows whose email is already in the study's panel (a total; only admins see which rows). */
  alreadyInPanel: number;
  problemCount: number;
  /** The first MAX_LISTED_PROBLEMS problems, by row. */
  problems: ImportProblem[];
};

/** The problems with the lowest rows, at most MAX_LISTED_PROBLEMS, and how many there were. */
class ProblemList {
  private list: ImportProblem[] = [];
  count = 0;
  /** The rows that have a problem (row 0, a file-wide problem, is not a row). */
  readonly rows = new Set<number>();
  add(...p: ImportProblem[]): void {
    this.count += p.length;
    for (const x of p) if (x.row > 0) this.rows.add(x.row);
    this.list.push(...p);
    if (this.list.length > 2 * MAX_LISTED_PROBLEMS) this.list = this.sorted();
  }
  sorted(): ImportProblem[] {
    return this.list.sort((a, b) => a.row - b.row).slice(0, MAX_LISTED_PROBLEMS);
  }
}

type Checked = { columns: PanelColumns; rows: number; problems: ProblemList; inPanel: Set<string>; codes: Set<string> };

/**
 * First pass: every row checked as the CSV streams past, keeping only each email's keyed hash and
 * each code (for duplicates), looked up in the database a batch at a time. Emails already in the
 * panel are problems row by row for an admin, one total for anyone else.
 */
async function checkCsv(db: Db, key: Buffer, study: StudyRow, csv: Uint8Array, existing: "error" | "skip", admin: boolean, now: Date, dateFormat: DateFormat | null): Promise<Checked> {
  // Each row starts on a non-empty line: more such lines than header + limit is refused unread.
  const over = lineOfNthNonEmptyLine(csv, MAX_IMPORT_ROWS + 2);
  if (over) throw tooManyRows(over);
  const hash = emailHasher(key);
  const problems = new ProblemList();
  const emails = new Map<string, number>();
  const codes = new Map<string, number>();
  const inPanel = new Set<string>();
  // Only what the database lookups need is kept until the batch is looked up.
  let batch: Pick<PanelRow, "line" | "hash" | "code">[] = [];
  const lookUp = async () => {
    const found = await existingEmailHashes(db, study.id, batch.filter((r) => r.hash).map((r) => r.hash));
    const used = await existingCodes(db, study.id, batch.flatMap((r) => (r.code ? [r.code] : [])));
    for (const r of batch) {
      const known = r.hash !== "" && found.has(r.hash);
      if (known) inPanel.add(r.hash);
      // A row skipped for its email is not imported, so its code does not matter.
      if (known && existing === "skip") continue;
      if (known && admin) problems.add({ path: `row ${r.line}.email`, row: r.line, column: "email", message: "This email is already in the panel (send existing=skip to skip such rows)" });
      if (r.code && used.has(r.code)) problems.add({ path: `row ${r.line}.code`, row: r.line, column: "code", message: `Code ${r.code} is already used in this study` });
    }
    batch = [];
  };
  /** False for a repeated value (a problem is recorded); remembers the row of a first one. */
  const first = (map: Map<string, number>, value: string, line: number, column: string, what: string) => {
    const seen = map.get(value);
    if (seen === undefined) map.set(value, line);
    else problems.add({ path: `row ${line}.${column}`, row: line, column, message: `The same ${what} as row ${seen}` });
    return seen === undefined;
  };
  let columns: PanelColumns | null = null;
  let rows = 0;
  try {
    // Each piece is checked without awaiting, so its records die young; the database and other
    // requests get their turn between pieces.
    for await (const piece of readCsvPieces(csv)) {
      for (const record of piece) {
        if (!columns) {
          const header = checkHeader(record.cells);
          if (!header.ok) throw new InvalidInput("The CSV header is not right", header.issues);
          columns = header.columns;
          continue;
        }
        if (++rows > MAX_IMPORT_ROWS) throw tooManyRows(record.line);
        const { row, problems: own } = checkRow(record, columns, study, hash, now, dateFormat);
        if (own.length) problems.add(...own);
        const hashOf = row.hash && first(emails, row.hash, row.line, "email", "email") ? row.hash : "";
        const codeOf = row.code && first(codes, row.code, row.line, "code", "code") ? row.code : null;
        batch.push({ line: row.line, hash: hashOf, code: codeOf });
      }
      if (batch.length >= LOOKUP_BATCH) await lookUp();
      await nextTurn();
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InvalidInput("The CSV cannot be read", [{ path: `row ${e.line}`, message: e.message }]);
    throw e;
  }
  if (!columns) throw new InvalidInput("The CSV is empty", [{ path: "row 1", message: "Expected a header row: email,language,consent_follow_up_surveys" }]);
  await lookUp();
  if (inPanel.size && existing === "error" && !admin) {
    const n = inPanel.size;
    problems.add({ path: "email", row: 0, column: "email", message: `${n} ${n === 1 ? "email is" : "emails are"} already in the panel (send existing=skip to skip such rows; only an admin can see which)` });
  }
  return { columns, rows, problems, inPanel, codes: new Set(codes.keys()) };
}

/** Second pass: the same rows again, as insert batches (emails encrypted), skipping those already in the panel. */
async function* panelBatches(key: Buffer, study: StudyRow, csv: Uint8Array, checked: Checked, wordingVersion: string | null, now: Date, dateFormat: DateFormat | null): AsyncGenerator<PanelRows> {
  const taken = new Set(checked.codes);
  const hash = emailHasher(key);
  const encrypt = personalEncrypter(key);
  let rows: PanelRows = { participants: [], contacts: [], consents: [] };
  let header = true;
  for await (const piece of readCsvPieces(csv)) {
    for (const record of piece) {
      if (header) {
        header = false;
        continue;
      }
      const { row: r } = checkRow(record, checked.columns, study, hash, now, dateFormat);
      if (checked.inPanel.has(r.hash)) continue;
      const id = randomUUID();
      let code = r.code;
      while (!code) {
        const generated = newParticipantCode();
        if (!taken.has(generated)) code = generated;
      }
      taken.add(code);
      rows.participants.push({ id, studyId: study.id, code, createdAt: now });
      rows.contacts.push({ participantId: id, studyId: study.id, emailEncrypted: encrypt(r.email), emailHash: r.hash, language: r.language, createdAt: now, updatedAt: now });
      for (const [kind, granted] of r.consents) {
        rows.consents.push({
          participantId: id, studyId: study.id, kind, granted, wordingVersion, wordingText: null,
          language: r.language, waveId: null, method: "import", recordedAt: r.at ?? now,
        });
      }
    }
    if (rows.participants.length >= INSERT_BATCH) {
      yield rows;
      rows = { participants: [], contacts: [], consents: [] };
    }
  }
  if (rows.participants.length) yield rows;
}

/**
 * Reads the CSV (columns: email, language, code, consent_date and one consent_<kind> per consent
 * kind, values yes/no) and checks every row: the study's languages, valid and unique emails and
 * codes, consent values. With any problem nothing is stored and the problems are reported (each
 * with its row and column, the first MAX_LISTED_PROBLEMS of them); otherwise all rows go in one
 * transaction. `dryRun` reports only. The CSV is read as a stream, twice (check, then store), so
 * memory holds one batch of rows plus one keyed hash per email. Whether an email is already in the
 * panel is personal data: admins see it row by row, researchers only as a total. Every import and
 * every dry run is audited. Researchers of the study and admins.
 */
export async function importPanel(db: Db, key: Buffer, user: StaffUser, slug: string, csv: Uint8Array, options: ImportOptions, now: Date): Promise<ImportResult> {
  const study = await studyForUser(db, user, slug);
  const opts = importOptionsSchema.parse(options);
  const audit = (tx: Db, outcome: Record<string, unknown>, rows: number | null) =>
    recordAudit(tx, user, { studyId: study.id, action: opts.dryRun ? "panel.import_check" : "panel.import", target: null, filter: { existing: opts.existing, ...(opts.dateFormat ? { dateFormat: opts.dateFormat } : {}) }, rowCount: rows, outcome }, now);
  if (csv.byteLength > MAX_IMPORT_BYTES) throw new InvalidInput("The file is too large", [{ path: "body", message: `At most ${MAX_IMPORT_BYTES / 1024 / 1024} MB per import; split the file` }]);
  let checked: Checked;
  try {
    checked = await checkCsv(db, key, study, csv, opts.existing, isAdmin(user), now, opts.dateFormat ?? null);
  } catch (e) {
    if (e instanceof InvalidInput) await audit(db, { refused: e.message }, null);
    throw e;
  }
  const skipped = opts.existing === "skip" ? checked.inPanel.size : 0;
  const result: ImportResult = {
    dryRun: opts.dryRun, rows: checked.rows, columns: checked.columns.names, refusedRows: checked.problems.rows.size, created: 0, skipped, alreadyInPanel: checked.inPanel.size,
    problemCount: checked.problems.count, problems: checked.problems.sorted(),
  };
  const counts = { created: 0, skipped, alreadyInPanel: result.alreadyInPanel, problems: result.problemCount };
  if (opts.dryRun || result.problemCount) await audit(db, counts, result.rows);
  if (opts.dryRun) return result;
  if (result.problemCount) {
    const n = result.problemCount;
    throw new InvalidInput(`${n} problem${n === 1 ? "" : "s"} in the CSV; nothing was imported${n > MAX_LISTED_PROBLEMS ? ` (the first ${MAX_LISTED_PROBLEMS} are listed)` : ""}`, result.problems);
  }
  const created = result.rows - skipped;
  try {
    // One transaction: every batch and the audit entry are kept together, or nothing is.
    await transaction(db, async (tx) => {
      for await (const rows of panelBatches(key, study, csv, checked, opts.wordingVersion ?? null, now, opts.dateFormat ?? null)) await insertPanelRows(tx, rows);
      await audit(tx, { ...counts, created }, result.rows);
    });
  } catch (e) {
    // A unique index caught an email or code imported by someone else meanwhile: nothing was kept.
    if ((e as { code?: string; cause?: { code?: string } }).code === "23505" || (e as { cause?: { code?: string } }).cause?.code === "23505") {
      await audit(db, { ...counts, refused: "conflict" }, result.rows);
      throw new Conflict("Another import added some of these people meanwhile; nothing was imported, try again");
    }
    throw e;
  }
  return { ...result, created };
}
