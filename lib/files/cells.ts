// Cell values of every export, and their defence against spreadsheet formula injection.

/** A cell: text, a number, or empty. */
export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a text cell inert in spreadsheets: text that begins with = + - @, a tab or a carriage
 * return gets a leading apostrophe (OWASP's advice for CSV injection), so Excel, LibreOffice
 * and Google Sheets show it as text instead of running it. Numbers are never text cells, so
 * -3 stays a number. Applied to every text cell of every export, XLSX included.
 */
export function neutraliseText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** A cell as export text: numbers as they are, text neutralised, empty as "". */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return neutraliseText(v);
}
