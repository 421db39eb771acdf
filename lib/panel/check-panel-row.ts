// The rules of one panel-import row and of the header, without the database: pure, so the
// import can apply them row by row as the CSV streams past, twice (check, then store).
import { z } from "zod";
import type { FieldIssue } from "../errors/app-error";
import { normaliseEmail } from "../crypto/personal-data";
import { closestName } from "../surveys/suggest";
import type { CsvRecord } from "./parse-csv";
import { type DateFormat, readImportDate } from "./date-format";

export type ImportProblem = { path: string; row: number; column: string; message: string };

export type PanelRow = {
  line: number; email: string; hash: string; language: string;
  /** False when the cell was empty (the study's default language is assumed for a new person; a held one keeps theirs). */
  languageGiven: boolean;
  code: string | null; consents: [string, boolean][]; at: Date | null;
};

export type PanelColumns = { names: string[]; consents: (readonly [string, number])[] };

const YES = new Set(["yes", "y", "true", "1", "granted", "ja", "так", "да"]);
const NO = new Set(["no", "n", "false", "0", "withdrawn", "nei", "ні", "нет"]);
const FIXED = ["email", "language", "code", "consent_date"];
const CODE = /^[A-Za-z0-9_-]{1,32}$/;
const emailSchema = z.email();

/** The header's columns, or the issues that make it unusable (unknown, repeated or missing columns). */
export function checkHeader(cells: string[]): { ok: true; columns: PanelColumns } | { ok: false; issues: FieldIssue[] } {
  const names = cells.map((c) => c.trim().toLowerCase());
  const issues: FieldIssue[] = [];
  names.forEach((n, i) => {
    if (FIXED.includes(n) || /^consent_[a-z0-9_]{1,64}$/.test(n)) {
      if (names.indexOf(n) !== i) issues.push({ path: `row 1.${n}`, message: `Column "${n}" appears twice` });
      return;
    }
    const near = closestName(n, FIXED);
    issues.push({ path: `row 1.${n || `column ${i + 1}`}`, message: `Unknown column "${cells[i]}"${near ? `; did you mean "${near}"?` : "; use email, language, code, consent_date or consent_<kind>"}` });
  });
  if (!names.includes("email")) issues.push({ path: "row 1.email", message: "The header needs an email column" });
  if (issues.length) return { ok: false, issues };
  return { ok: true, columns: { names, consents: names.map((n, i) => [n, i] as const).filter(([n]) => n.startsWith("consent_") && n !== "consent_date") } };
}

/**
 * One row: its values and its own problems (a missing or invalid email, a language the study
 * does not have, a malformed code, a future date, a consent that is not yes or no). Problems that
 * need other rows or the database (duplicates, emails already in the panel) are the caller's.
 * `hash` is the email's keyed hash, "" when the email is not valid; `code` is null when absent or malformed.
 */
export function checkRow(
  r: CsvRecord,
  columns: PanelColumns,
  study: { languages: string[]; defaultLanguage: string },
  /** The keyed email hash (emailHasher). */
  hash: (email: string) => string,
  now: Date,
  /** The file's date format as the researcher chose it; null: ISO and unambiguous dates only. */
  dateFormat: DateFormat | null = null,
): { row: PanelRow; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (column: string, message: string) => problems.push({ path: `row ${r.line}.${column}`, row: r.line, column, message });
  const col = (n: string) => columns.names.indexOf(n);
  const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? "").trim() : "");
  if (r.cells.length > columns.names.length) problem("_", `${r.cells.length} fields, but the header has ${columns.names.length}`);
  const email = normaliseEmail(cell(col("email")));
  const validEmail = email !== "" && emailSchema.safeParse(email).success;
  if (!email) problem("email", "Email is missing");
  else if (!validEmail) problem("email", `"${email}" is not a valid email address`);
  const languageGiven = cell(col("language")) !== "";
  const language = cell(col("language")) || study.defaultLanguage;
  if (!study.languages.includes(language)) problem("language", `"${language}" is not a language of this study (${study.languages.join(", ")})`);
  const code = cell(col("code")) || null;
  if (code && !CODE.test(code)) problem("code", "A code is 1–32 letters, digits, - or _");
  const dateText = cell(col("consent_date"));
  const read = dateText ? readImportDate(dateText, dateFormat) : null;
  const at = read?.ok ? read.date : null;
  if (read && !read.ok) problem("consent_date", read.message);
  else if (at && at > now) problem("consent_date", `"${dateText}" is in the future`);
  const consents: [string, boolean][] = [];
  for (const [n, i] of columns.consents) {
    const v = cell(i).toLowerCase();
    if (!v) continue;
    if (YES.has(v)) consents.push([n.slice("consent_".length), true]);
    else if (NO.has(v)) consents.push([n.slice("consent_".length), false]);
    else problem(n, `"${cell(i)}" is not yes or no`);
  }
  return { row: { line: r.line, email, hash: validEmail ? hash(email) : "", language, languageGiven, code: code && CODE.test(code) ? code : null, consents, at }, problems };
}
