// XLSX through exceljs's streaming writer: rows are committed as they come, never held.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { type Cell, neutraliseText } from "./cells";

export type Sheet = { name: string; rows: AsyncIterable<readonly Cell[]> };

function xlsxValue(v: Cell): string | number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return neutraliseText(v);
}

/**
 * Writes the sheets in order into one workbook and yields the file's bytes as they are
 * zipped. Text cells are neutralised like CSV cells (a leading apostrophe), so the sheet stays
 * inert even when saved again as CSV; no cell is ever written as a formula.
 */
export async function* xlsxChunks(sheets: Sheet[]): AsyncGenerator<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const writing = (async () => {
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name.slice(0, 31));
      for await (const row of s.rows) {
        const values = new Array<string | number | null>(row.length);
        for (let i = 0; i < row.length; i++) values[i] = xlsxValue(row[i]);
        ws.addRow(values).commit();
        // Let the reader catch up when it is slower than the database.
        if (out.writableLength > out.writableHighWaterMark) await new Promise((r) => out.once("drain", r));
      }
      ws.commit();
    }
    await wb.commit();
  })();
  writing.catch((e) => out.destroy(e as Error));
  for await (const chunk of out) yield chunk as Uint8Array;
  await writing;
}
