/** A problem or warning in an XLSForm file, located like a spreadsheet user would look for it. */
export interface XlsFormIssue {
  /** Sheet name as written in the file (e.g. "survey"); "" for the file as a whole. */
  sheet: string;
  /** 1-based row number as Excel shows it; 0 when the issue is about the whole sheet or file. */
  row: number;
  /** Column header as written (e.g. "label::English (en)"), or "" when not about one column. */
  column: string;
  /** Column letter (e.g. "F"), when known. */
  columnLetter?: string;
  message: string;
}

/** `survey!12 relevant: message`, or shorter forms when the row or column is unknown. */
export function formatIssue(i: XlsFormIssue): string {
  if (!i.sheet) return i.message;
  const where = i.row ? `${i.sheet}!${i.row}` : i.sheet;
  const col = i.column ? ` ${i.column}` : "";
  return `${where}${col}: ${i.message}`;
}

export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
