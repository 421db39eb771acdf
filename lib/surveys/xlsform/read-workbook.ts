import type { XlsFormIssue } from "./issues";
import { type Sheet, readSheet } from "./read-sheet";
import { readDateStyles, readSharedStrings, readWorkbookInfo } from "./xlsx-parts";
import { type ReadStats, XlsxRefused, readZipDirectory } from "./zip";
import { XLSX_LIMITS } from "./limits";

export type { Header, Sheet, SheetRow } from "./read-sheet";

export type WorkbookRead = ({ sheets: Sheet[] } | { error: XlsFormIssue }) & { stats: ReadStats };

export interface ReadWorkbookOptions {
  /**
   * Which sheets to read. The others are listed by name with no rows and `skipped` set, never
   * unpacked, so their size, row count and cells cannot refuse or slow the import (a workbook
   * may carry a 100,000-row data sheet next to its questionnaire). Default: every sheet.
   */
  sheets?: (name: string) => boolean;
}

/**
 * Reads every worksheet into header + data rows, without holding the unpacked workbook: the zip
 * directory is checked against XLSX_LIMITS first (a zip bomb is refused before anything is
 * unpacked), then each part is unpacked and parsed as a stream, and each sheet is read row by
 * row until its data ends or a limit is passed. Only rows that hold values count, so a sheet
 * that declares a million formatted but empty rows costs little. `stats` says how far it read.
 */
export async function readWorkbook(data: Uint8Array | ArrayBuffer, options: ReadWorkbookOptions = {}): Promise<WorkbookRead> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const stats: ReadStats = { bytesUnpacked: 0, rowsRead: 0 };
  const fail = (message: string, where: Partial<XlsFormIssue> = {}) => ({ error: { sheet: "", row: 0, column: "", ...where, message }, stats });
  if (bytes.length === 0) return fail("The file is empty");
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail("This is an old Excel 97-2003 (.xls) file; save it as .xlsx (Excel Workbook) and upload that");
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail("Not an .xlsx spreadsheet (an XLSForm must be an Excel .xlsx file)");
  try {
    const pkg = { bytes, entries: readZipDirectory(bytes), stats };
    const info = await readWorkbookInfo(pkg);
    const ctx = {
      dateStyles: await readDateStyles(pkg, info.styles),
      sharedStrings: await readSharedStrings(pkg, info.sharedStrings),
      date1904: info.date1904,
      cellBudget: { left: XLSX_LIMITS.cells },
    };
    const sheets: Sheet[] = [];
    for (const s of info.sheets) {
      if (options.sheets && !options.sheets(s.name)) sheets.push({ name: s.name, headerRow: 0, headers: [], rows: [], skipped: true });
      else sheets.push(await readSheet(pkg, s.name, s.part, ctx));
    }
    return { sheets, stats };
  } catch (e) {
    if (e instanceof XlsxRefused) return fail(e.message, e.where);
    // Whatever else a damaged or unusual file triggers is a refusal, never a crash.
    return fail(`Could not read the spreadsheet: ${e instanceof Error ? e.message : String(e)}`);
  }
}
