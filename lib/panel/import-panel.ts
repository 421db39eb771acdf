// Importing a panel from CSV: participants with their contact (email, language) and consents.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import { existingCodes, existingEmailHashes, insertPanel, type PanelRows } from "../../db/queries/panel-import";
import { studyForUser } from "../audit/access";
import type { StaffUser } from "../auth/current-user";
import { emailHash, encryptPersonal, normaliseEmail } from "../crypto/personal-data";
import { newParticipantCode } from "../crypto/tokens";
import { Conflict, InvalidInput, type FieldIssue } from "../errors/app-error";
import { closestName } from "../surveys/suggest";
import { parseCsv } from "./parse-csv";

export const MAX_IMPORT_ROWS = 200_000;

export const importOptionsSchema = z.object({
  /** Check every row and report, store nothing. */
  dryRun: z.stringbool().default(false),
  /** An email already in the panel: report it as a problem (default) or skip the row. */
  existing: z.enum(["error", "skip"]).default("error"),
  /** The consent wording version the imported consents were given under, if known. */
  wordingVersion: z.string().trim().max(100).optional(),
});
export type ImportOptions = z.input<typeof importOptionsSchema>;

export type ImportProblem = { path: string; row: number; column: string; message: string };
export type ImportResult = { dryRun: boolean; rows: number; created: number; skipped: number; problems: ImportProblem[] };

const YES = new Set(["yes", "y", "true", "1", "granted", "ja", "так", "да"]);
const NO = new Set(["no", "n", "false", "0", "withdrawn", "nei", "ні", "нет"]);
const FIXED = ["email", "language", "code", "consent_date"];
const emailSchema = z.email();

type Row = { line: number; email: string; hash: string; language: string; code: string | null; consents: [string, boolean][]; at: Date | null };

/**
 * Reads the CSV (columns: email, language, code, consent_date and one consent_<kind> per consent
 * kind, values yes/no) and checks every row: the study's languages, valid and unique emails and
 * codes, consent values. With any problem nothing is stored and every problem is reported (each
 * with its row and column); otherwise all rows go in one transaction. `dryRun` reports only.
 * Researchers of the study and admins (emails are stored encrypted; no one reads them back here).
 */
export async function importPanel(db: Db, key: Buffer, user: StaffUser, slug: string, csv: string, options: ImportOptions, now: Date): Promise<ImportResult> {
  const study = await studyForUser(db, user, slug);
  const opts = importOptionsSchema.parse(options);
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new InvalidInput("The CSV cannot be read", [{ path: `row ${parsed.line}`, message: parsed.message }]);
  const [header, ...records] = parsed.records;
  if (!header) throw new InvalidInput("The CSV is empty", [{ path: "row 1", message: "Expected a header row: email,language,consent_follow_up_surveys" }]);
  if (records.length > MAX_IMPORT_ROWS) throw new InvalidInput("Too many rows", [{ path: "body", message: `At most ${MAX_IMPORT_ROWS} rows per import` }]);
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const headerIssues: FieldIssue[] = [];
  names.forEach((n, i) => {
    if (FIXED.includes(n) || /^consent_[a-z0-9_]{1,64}$/.test(n)) {
      if (names.indexOf(n) !== i) headerIssues.push({ path: `row 1.${n}`, message: `Column "${n}" appears twice` });
      return;
    }
    const near = closestName(n, FIXED);
    headerIssues.push({ path: `row 1.${n || `column ${i + 1}`}`, message: `Unknown column "${header.cells[i]}"${near ? `; did you mean "${near}"?` : "; use email, language, code, consent_date or consent_<kind>"}` });
  });
  if (!names.includes("email")) headerIssues.push({ path: "row 1.email", message: "The header needs an email column" });
  if (headerIssues.length) throw new InvalidInput("The CSV header is not right", headerIssues);

  const col = (n: string) => names.indexOf(n);
  const consentCols = names.map((n, i) => [n, i] as const).filter(([n]) => n.startsWith("consent_") && n !== "consent_date");
  const problems: ImportProblem[] = [];
  const problem = (line: number, column: string, message: string) => problems.push({ path: `row ${line}.${column}`, row: line, column, message });
  const rows: Row[] = [];
  const firstByEmail = new Map<string, number>();
  const firstByCode = new Map<string, number>();
  for (const r of records) {
    const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? "").trim() : "");
    if (r.cells.length > names.length) problem(r.line, "_", `${r.cells.length} fields, but the header has ${names.length}`);
    const email = normaliseEmail(cell(col("email")));
    if (!email) problem(r.line, "email", "Email is missing");
    else if (!emailSchema.safeParse(email).success) problem(r.line, "email", `"${email}" is not a valid email address`);
    else if (firstByEmail.has(email)) problem(r.line, "email", `The same email as row ${firstByEmail.get(email)}`);
    else firstByEmail.set(email, r.line);
    const language = cell(col("language")) || study.defaultLanguage;
    if (!study.languages.includes(language)) problem(r.line, "language", `"${language}" is not a language of this study (${study.languages.join(", ")})`);
    const code = cell(col("code")) || null;
    if (code && !/^[A-Za-z0-9_-]{1,32}$/.test(code)) problem(r.line, "code", "A code is 1–32 letters, digits, - or _");
    else if (code && firstByCode.has(code)) problem(r.line, "code", `The same code as row ${firstByCode.get(code)}`);
    else if (code) firstByCode.set(code, r.line);
    const dateText = cell(col("consent_date"));
    const at = dateText ? new Date(dateText) : null;
    if (at && (Number.isNaN(at.getTime()) || at > now)) problem(r.line, "consent_date", `"${dateText}" is not a past date (YYYY-MM-DD or an ISO time)`);
    const given: [string, boolean][] = [];
    for (const [n, i] of consentCols) {
      const v = cell(i).toLowerCase();
      if (!v) continue;
      if (YES.has(v)) given.push([n.slice("consent_".length), true]);
      else if (NO.has(v)) given.push([n.slice("consent_".length), false]);
      else problem(r.line, n, `"${cell(i)}" is not yes or no`);
    }
    rows.push({ line: r.line, email, hash: email ? emailHash(key, email) : "", language, code, consents: given, at });
  }

  const inPanel = await existingEmailHashes(db, study.id, rows.filter((r) => r.hash).map((r) => r.hash));
  const usedCodes = await existingCodes(db, study.id, [...firstByCode.keys()]);
  let skipped = 0;
  const keep: Row[] = [];
  for (const r of rows) {
    if (r.hash && inPanel.has(r.hash)) {
      if (opts.existing === "skip") {
        skipped++;
        continue;
      }
      problem(r.line, "email", "This email is already in the panel (send existing=skip to skip such rows)");
    }
    if (r.code && usedCodes.has(r.code)) problem(r.line, "code", `Code ${r.code} is already used in this study`);
    keep.push(r);
  }
  problems.sort((a, b) => a.row - b.row);
  const result: ImportResult = { dryRun: opts.dryRun, rows: records.length, created: 0, skipped, problems };
  if (opts.dryRun) return result;
  if (problems.length) throw new InvalidInput(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the CSV; nothing was imported`, problems);

  const panel: PanelRows = { participants: [], contacts: [], consents: [] };
  const taken = new Set([...usedCodes, ...firstByCode.keys()]);
  for (const r of keep) {
    const id = randomUUID();
    let code = r.code;
    while (!code || (code !== r.code && taken.has(code))) code = newParticipantCode();
    taken.add(code);
    panel.participants.push({ id, studyId: study.id, code, createdAt: now });
    panel.contacts.push({ participantId: id, studyId: study.id, emailEncrypted: encryptPersonal(key, r.email), emailHash: r.hash, language: r.language, createdAt: now, updatedAt: now });
    for (const [kind, granted] of r.consents) {
      panel.consents.push({
        participantId: id, studyId: study.id, kind, granted, wordingVersion: opts.wordingVersion ?? null, wordingText: null,
        language: r.language, waveId: null, method: "import", recordedAt: r.at ?? now,
      });
    }
  }
  try {
    await insertPanel(db, panel);
  } catch (e) {
    // A unique index caught an email or code imported by someone else meanwhile: nothing was kept.
    if ((e as { code?: string; cause?: { code?: string } }).code === "23505" || (e as { cause?: { code?: string } }).cause?.code === "23505") {
      throw new Conflict("Another import added some of these people meanwhile; nothing was imported, try again");
    }
    throw e;
  }
  return { ...result, created: keep.length };
}
