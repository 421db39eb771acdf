// A panel file as the import reads it: CSV as it is; an .xlsx (the first sheet) turned into CSV
// text by the project's own XLSX reader (zip/XML streamed, under its limits), one line per sheet
// row, so every row and problem keeps the row number Excel shows. Date-formatted cells arrive as
// ISO dates (Excel serial numbers converted by the reader), so they are never ambiguous.
import { InvalidInput } from "../errors/app-error";
import { readWorkbook } from "../surveys/xlsform/read-workbook";

export type PanelFileKind = "csv" | "xlsx";

/** ZIP's signature: an .xlsx is a zip; a CSV never starts with "PK\x03\x04". */
export function panelFileKind(filename: string, bytes: Uint8Array): PanelFileKind {
  if (/\.xlsx$/i.test(filename) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)) return "xlsx";
  return "csv";
}

const quote = (cell: string) => (/[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** The first sheet of an .xlsx as CSV bytes, line n holding sheet row n (line breaks in a cell become spaces). */
export async function xlsxToCsv(bytes: Uint8Array): Promise<Uint8Array> {
  const read = await readWorkbook(bytes);
  if ("error" in read) {
    const e = read.error;
    // The reader speaks of questionnaires; its limits are the same for a panel file.
    const message = e.message.replace(/; is it really a questionnaire\?/, "; import larger panels as CSV").replace(/an XLSForm must be/, "a panel file must be a CSV or");
    throw new InvalidInput("The spreadsheet cannot be read", [{ path: e.row ? `row ${e.row}${e.column ? `.${e.column}` : ""}` : "file", message }]);
  }
  const sheet = read.sheets.find((s) => s.headerRow > 0);
  if (!sheet) throw new InvalidInput("The spreadsheet is empty", [{ path: "row 1", message: "Expected a header row: email,language,consent_follow_up_surveys" }]);
  const width = Math.max(...sheet.headers.map((h) => h.col), ...sheet.rows.flatMap((r) => [...r.cells.keys()]));
  const line = (cells: Map<number, string>) =>
    Array.from({ length: width }, (_, i) => quote((cells.get(i + 1) ?? "").replace(/[\r\n]+/g, " "))).join(",");
  const lines: string[] = Array.from({ length: sheet.headerRow - 1 }, () => "");
  lines.push(line(new Map(sheet.headers.map((h) => [h.col, h.raw]))));
  for (const r of sheet.rows) {
    while (lines.length < r.number - 1) lines.push("");
    lines.push(line(r.cells));
  }
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

/** The file as CSV bytes, whichever it was. */
export async function panelFileAsCsv(filename: string, bytes: Uint8Array): Promise<Uint8Array> {
  return panelFileKind(filename, bytes) === "xlsx" ? xlsxToCsv(bytes) : bytes;
}
