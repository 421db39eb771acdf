import ExcelJS from "exceljs";
import { type ParsedHeader, parseHeader } from "./headers";
import { type XlsFormIssue, columnLetter } from "./issues";

export interface Header extends ParsedHeader {
  col: number;
  letter: string;
  /** As written in the file. */
  raw: string;
}

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  number: number;
  cells: Map<number, string>;
}

export interface Sheet {
  name: string;
  headerRow: number;
  headers: Header[];
  rows: SheetRow[];
}

/** More data rows than any real questionnaire has; past this, the file is refused. */
export const MAX_ROWS = 20_000;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v) return String((v as { text: unknown }).text);
    if ("error" in v) return "";
  }
  return String(v);
}

/**
 * Reads every worksheet into header + data rows. Only rows that hold values are visited,
 * so a sheet that declares a million formatted but empty rows costs nothing extra.
 */
export async function readWorkbook(data: Uint8Array | ArrayBuffer): Promise<{ sheets: Sheet[] } | { error: XlsFormIssue }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const fail = (message: string) => ({ error: { sheet: "", row: 0, column: "", message } });
  if (bytes.length === 0) return fail("The file is empty");
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail("This is an old Excel 97-2003 (.xls) file; save it as .xlsx (Excel Workbook) and upload that");
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail("Not an .xlsx spreadsheet (an XLSForm must be an Excel .xlsx file)");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    return fail(`Could not read the spreadsheet: ${(e as Error).message}`);
  }
  const sheets: Sheet[] = [];
  for (const ws of wb.worksheets) {
    const rows: SheetRow[] = [];
    let headers: Header[] | null = null;
    let headerRow = 0;
    let tooMany = false;
    ws.eachRow((row, number) => {
      if (tooMany) return;
      const cells = new Map<number, string>();
      row.eachCell((cell, col) => {
        const text = cellText(cell.value).trim();
        if (text !== "") cells.set(col, text);
      });
      if (cells.size === 0) return;
      if (!headers) {
        headerRow = number;
        headers = [...cells].map(([col, raw]) => ({ col, letter: columnLetter(col), raw, ...parseHeader(raw) }));
        return;
      }
      if (rows.length >= MAX_ROWS) tooMany = true;
      else rows.push({ number, cells });
    });
    if (tooMany) return fail(`Sheet "${ws.name}" has more than ${MAX_ROWS} rows of data; is it really a questionnaire?`);
    sheets.push({ name: ws.name, headerRow, headers: headers ?? [], rows });
  }
  return { sheets };
}
