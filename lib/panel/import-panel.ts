// Importing a panel from CSV: participants with their contact (email, language) and consents.
import { isUniqueViolation } from "../../db/query-errors";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import { adoptContactAddresses } from "../../db/queries/contact-points";
import { transaction } from "../../db/transaction";
import { emailHashOwners, heldPeopleByCode, insertPanelRows, type PanelRows, upsertPanelContacts } from "../../db/queries/participants";
import { isAdmin, studyForUser, type StudyRow } from "../auth/permissions";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { decryptPersonal, emailHasher, personalEncrypter } from "../crypto/personal-data";
import { newParticipantCode } from "../crypto/tokens";
import { Conflict, InvalidInput } from "../errors/app-error";
import { type ImportProblem, type PanelColumns, type PanelRow, checkHeader, checkRow } from "./check-panel-row";
import { CsvSyntaxError, lineOfNthNonEmptyLine, readCsvPieces } from "./parse-csv";
import { type DateFormat, dateFormatSchema } from "./date-format";
import { compareWithHeld, type FieldChange, type UpdatePlan } from "./compare-with-held";

export type { ImportProblem } from "./check-panel-row";
export type { FieldChange } from "./compare-with-held";

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
  /**
   * People already in the panel. `error` (the API's default, as before): an email or code already
   * held is a problem of its row. `skip`: rows whose email is held are left out. `update` (the
   * screen's default): a row whose code is held updates that person's email, language and consents.
   */
  existing: z.enum(["error", "skip", "update"]).default("error"),
  /** The consent wording version the imported consents were given under, if known. */
  wordingVersion: z.string().trim().max(100).optional(),
  /** The file's date format (consent_date); without it only ISO dates and dates with one possible reading are accepted. */
  dateFormat: dateFormatSchema.optional(),
});
export type ImportOptions = z.input<typeof importOptionsSchema>;
type Existing = z.output<typeof importOptionsSchema>["existing"];

/** What the import does (or, in a dry run, would do) with one row. */
export type RowOutcome = { row: number; code: string | null; outcome: "added" | "updated" | "unchanged" | "skipped" | "refused"; changes?: FieldChange[] };

export type ImportResult = {
  dryRun: boolean;
  rows: number;
  /** The header's columns, as recognised (lower-cased). */
  columns: string[];
  /** Rows with at least one problem of their own. */
  refusedRows: number;
  /** People stored (0 in a dry run; see `added`). */
  created: number;
  /** Rows that add a person (in a dry run: would add). */
  added: number;
  /** Rows that change a person already in the panel (existing=update). */
  updated: number;
  /** Rows naming a person already in the panel with nothing to change (existing=update); not written. */
  unchanged: number;
  skipped: number;
  /** Rows whose email is already in the study's panel (a total; only admins see which rows). */
  alreadyInPanel: number;
  problemCount: number;
  /** The first MAX_LISTED_PROBLEMS problems, by row. */
  problems: ImportProblem[];
  /** The first MAX_LISTED_PROBLEMS rows with their outcome; updated rows with the fields they change (email values for admins only). */
  outcomes: RowOutcome[];
};

/** The counts a confirmation expects, as previewed. */
export type PreviewedCounts = Pick<ImportResult, "added" | "updated" | "unchanged" | "skipped">;

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

type Checked = {
  columns: PanelColumns; rows: number; problems: ProblemList; inPanel: Set<string>; codes: Set<string>;
  /** Updated rows by line, and the lines neither added nor updated (skipped, unchanged). */
  plans: Map<number, UpdatePlan>; notAdded: Set<number>;
  counts: PreviewedCounts; outcomes: RowOutcome[];
  /** Codes of the people whose email the import replaces (the fact is audited, never the address). */
  emailReplaced: string[]; consentsAppended: number;
};

/**
 * First pass: every row checked as the CSV streams past, keeping only each email's keyed hash and
 * each code (for duplicates), looked up in the database a batch at a time, and each row classified:
 * added, updated, unchanged, skipped or refused. Emails already in the panel (under another person)
 * are problems row by row for an admin, one total for anyone else.
 */
async function checkCsv(db: Db, key: Buffer, study: StudyRow, csv: Uint8Array, existing: Existing, admin: boolean, now: Date, dateFormat: DateFormat | null): Promise<Checked> {
  // Each row starts on a non-empty line: more such lines than header + limit is refused unread.
  const over = lineOfNthNonEmptyLine(csv, MAX_IMPORT_ROWS + 2);
  if (over) throw tooManyRows(over);
  const hash = emailHasher(key);
  const problems = new ProblemList();
  const emails = new Map<string, number>();
  const codes = new Map<string, number>();
  const out: Checked = {
    columns: { names: [], consents: [] }, rows: 0, problems, inPanel: new Set(), codes: new Set(), plans: new Map(), notAdded: new Set(),
    counts: { added: 0, updated: 0, unchanged: 0, skipped: 0 }, outcomes: [], emailReplaced: [], consentsAppended: 0,
  };
  const listed = (o: RowOutcome) => {
    if (out.outcomes.length < MAX_LISTED_PROBLEMS) out.outcomes.push(o);
  };
  // Only the rows of one batch are kept until the batch is looked up.
  let batch: PanelRow[] = [];
  const lookUp = async () => {
    const owners = await emailHashOwners(db, study.id, batch.filter((r) => r.hash).map((r) => r.hash));
    const held = await heldPeopleByCode(db, study.id, batch.flatMap((r) => (r.code ? [r.code] : [])));
    for (const r of batch) {
      const owner = r.hash ? owners.get(r.hash) : undefined;
      const person = r.code ? held.get(r.code) : undefined;
      if (person && existing === "update") {
        // The email belongs to someone else: a problem (row by row for admins only, as below).
        if (owner !== undefined && owner !== person.participantId) {
          out.inPanel.add(r.hash);
          if (admin) problems.add({ path: `row ${r.line}.email`, row: r.line, column: "email", message: "This email belongs to another person in the panel" });
        }
        const c = compareWithHeld(r, person);
        problems.add(...c.problems);
        if (problems.rows.has(r.line)) {
          listed({ row: r.line, code: r.code, outcome: "refused" });
        } else if (c.plan) {
          out.plans.set(r.line, c.plan);
          out.counts.updated++;
          out.consentsAppended += c.plan.consents.length;
          if (c.plan.emailChanged) out.emailReplaced.push(person.code);
          const email = admin ? { from: person.emailEncrypted ? decryptPersonal(key, person.emailEncrypted) : null, to: r.email } : {};
          listed({ row: r.line, code: r.code, outcome: "updated", changes: c.changes.map((x) => (x.field === "email" ? { ...x, ...email } : x)) });
        } else {
          out.notAdded.add(r.line);
          out.counts.unchanged++;
          listed({ row: r.line, code: r.code, outcome: "unchanged" });
        }
        continue;
      }
      const known = owner !== undefined;
      if (known) out.inPanel.add(r.hash);
      // A row skipped for its email is not imported, so its code does not matter.
      if (known && existing === "skip") {
        out.notAdded.add(r.line);
        out.counts.skipped++;
        listed({ row: r.line, code: r.code, outcome: "skipped" });
        continue;
      }
      if (known && admin) {
        const how = existing === "update" ? "put the person's code in the row to update them" : "send existing=skip to skip such rows";
        problems.add({ path: `row ${r.line}.email`, row: r.line, column: "email", message: `This email is already in the panel (${how})` });
      }
      if (person) problems.add({ path: `row ${r.line}.code`, row: r.line, column: "code", message: `Code ${r.code} is already used in this study (send existing=update to update that person)` });
      if (problems.rows.has(r.line)) listed({ row: r.line, code: r.code, outcome: "refused" });
      else {
        out.counts.added++;
        listed({ row: r.line, code: r.code, outcome: "added" });
      }
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
        if (++out.rows > MAX_IMPORT_ROWS) throw tooManyRows(record.line);
        const { row, problems: own } = checkRow(record, columns, study, hash, now, dateFormat);
        if (own.length) problems.add(...own);
        const hashOf = row.hash && first(emails, row.hash, row.line, "email", "email") ? row.hash : "";
        const codeOf = row.code && first(codes, row.code, row.line, "code", "code") ? row.code : null;
        batch.push({ ...row, hash: hashOf, code: codeOf });
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
  if (out.inPanel.size && existing !== "skip" && !admin) {
    const n = out.inPanel.size;
    const how = existing === "update" ? "put each person's code in their row to update them, or skip such rows" : "send existing=skip to skip such rows";
    problems.add({ path: "email", row: 0, column: "email", message: `${n} ${n === 1 ? "email is" : "emails are"} already in the panel (${how}; only an admin can see which)` });
  }
  return { ...out, columns, codes: new Set(codes.keys()) };
}

type WriteBatch = PanelRows & { updatedContacts: PanelRows["contacts"] };

/**
 * Second pass: the same rows again, as write batches: new people (emails encrypted), updated
 * contacts and appended consents; skipped and unchanged rows are passed over.
 */
async function* panelBatches(key: Buffer, study: StudyRow, csv: Uint8Array, checked: Checked, wordingVersion: string | null, now: Date, dateFormat: DateFormat | null): AsyncGenerator<WriteBatch> {
  const taken = new Set(checked.codes);
  const hash = emailHasher(key);
  const encrypt = personalEncrypter(key);
  const empty = (): WriteBatch => ({ participants: [], contacts: [], consents: [], updatedContacts: [] });
  let rows = empty();
  let header = true;
  const consent = (participantId: string, kind: string, granted: boolean, language: string, at: Date | null) => ({
    participantId, studyId: study.id, kind, granted, wordingVersion, wordingText: null, language, waveId: null, method: "import", recordedAt: at ?? now,
  });
  for await (const piece of readCsvPieces(csv)) {
    for (const record of piece) {
      if (header) {
        header = false;
        continue;
      }
      const { row: r } = checkRow(record, checked.columns, study, hash, now, dateFormat);
      const plan = checked.plans.get(r.line);
      if (plan) {
        if (plan.contact) rows.updatedContacts.push({ participantId: plan.participantId, studyId: study.id, emailEncrypted: encrypt(r.email), emailHash: r.hash, language: plan.language, updatedAt: now });
        for (const [kind, granted] of plan.consents) rows.consents.push(consent(plan.participantId, kind, granted, plan.language, r.at));
        continue;
      }
      if (checked.notAdded.has(r.line)) continue;
      const id = randomUUID();
      let code = r.code;
      while (!code) {
        const generated = newParticipantCode();
        if (!taken.has(generated)) code = generated;
      }
      taken.add(code);
      rows.participants.push({ id, studyId: study.id, code, createdAt: now });
      rows.contacts.push({ participantId: id, studyId: study.id, emailEncrypted: encrypt(r.email), emailHash: r.hash, language: r.language, createdAt: now, updatedAt: now });
      for (const [kind, granted] of r.consents) rows.consents.push(consent(id, kind, granted, r.language, r.at));
    }
    if (rows.participants.length + rows.updatedContacts.length + rows.consents.length >= INSERT_BATCH) {
      yield rows;
      rows = empty();
    }
  }
  if (rows.participants.length + rows.updatedContacts.length + rows.consents.length) yield rows;
}

/**
 * Reads the CSV (columns: email, language, code, consent_date and one consent_<kind> per consent
 * kind, values yes/no) and checks every row: the study's languages, valid and unique emails and
 * codes, consent values. Each row is added, updated (existing=update: its code is held; email and
 * language replaced, a differing consent appended as a new record with the file's date), unchanged,
 * skipped or refused. With any problem nothing is stored and the problems are reported (each with
 * its row and column, the first MAX_LISTED_PROBLEMS of them); otherwise all rows go in one
 * transaction. `dryRun` reports only. The CSV is read as a stream, twice (check, then store), so
 * memory holds one batch of rows plus one keyed hash per email and a small plan per updated row.
 * Whether an email is already in the panel is personal data: admins see it row by row, researchers
 * only as a total. Every import and every dry run is audited with its counts; a replaced email is
 * audited as the person's code, never the address. `previewed`: the counts a confirmation was shown;
 * if the panel changed since, nothing is stored (Conflict). Researchers of the study and admins.
 */
export async function importPanel(db: Db, key: Buffer, user: StaffUser, slug: string, csv: Uint8Array, options: ImportOptions, now: Date, previewed?: PreviewedCounts): Promise<ImportResult> {
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
  const { added, updated, unchanged, skipped } = checked.counts;
  const result: ImportResult = {
    dryRun: opts.dryRun, rows: checked.rows, columns: checked.columns.names, refusedRows: checked.problems.rows.size, created: 0, added, updated, unchanged, skipped,
    alreadyInPanel: checked.inPanel.size, problemCount: checked.problems.count, problems: checked.problems.sorted(), outcomes: checked.outcomes,
  };
  const counts = { created: 0, added, updated, unchanged, skipped, alreadyInPanel: result.alreadyInPanel, problems: result.problemCount };
  if (opts.dryRun || result.problemCount) await audit(db, counts, result.rows);
  if (opts.dryRun) return result;
  if (result.problemCount) {
    const n = result.problemCount;
    throw new InvalidInput(`${n} problem${n === 1 ? "" : "s"} in the CSV; nothing was imported${n > MAX_LISTED_PROBLEMS ? ` (the first ${MAX_LISTED_PROBLEMS} are listed)` : ""}`, result.problems);
  }
  // A draft checked before updates existed has no counts to compare: the row checks above still hold.
  if (previewed && (["added", "updated", "unchanged", "skipped"] as const).some((k) => previewed[k] !== undefined && previewed[k] !== checked.counts[k])) {
    await audit(db, { ...counts, refused: "changed since the preview" }, result.rows);
    throw new Conflict("The panel changed since the preview (someone imported or changed some of these people); nothing was imported, check the file again");
  }
  const changes = { emailsReplaced: checked.emailReplaced.length, consentsAppended: checked.consentsAppended, ...(checked.emailReplaced.length ? { emailReplacedFor: checked.emailReplaced.slice(0, MAX_LISTED_PROBLEMS) } : {}) };
  try {
    // One transaction: every batch and the audit entry are kept together, or nothing is.
    await transaction(db, async (tx) => {
      for await (const rows of panelBatches(key, study, csv, checked, opts.wordingVersion ?? null, now, opts.dateFormat ?? null)) {
        await insertPanelRows(tx, { participants: rows.participants, contacts: rows.contacts, consents: [] });
        await upsertPanelContacts(tx, rows.updatedContacts);
        // Each imported address is its person's confirmed main contact point (an updated one replaces the old).
        await adoptContactAddresses(tx, [...rows.contacts, ...rows.updatedContacts].map((c) => c.participantId), { source: "import", now, replacePrimary: true });
        await insertPanelRows(tx, { participants: [], contacts: [], consents: rows.consents });
      }
      await audit(tx, { ...counts, created: added, ...changes }, result.rows);
    });
  } catch (e) {
    // A unique index caught an email or code imported by someone else meanwhile: nothing was kept.
    if (isUniqueViolation(e)) {
      await audit(db, { ...counts, refused: "conflict" }, result.rows);
      throw new Conflict("Another import added some of these people meanwhile; nothing was imported, try again");
    }
    throw e;
  }
  return { ...result, created: added };
}
