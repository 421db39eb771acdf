// One worksheet, read row by row from its unpacked XML: the first row holding values is the
// header, the rest are data rows. Reading stops at the end of the cell data (the rest of the
// part is never unpacked) or with XlsxRefused, naming the sheet and row, as soon as a limit is
// passed: rows, filled cells, characters in a cell.
import { type ParsedHeader, parseHeader } from "./headers";
import { columnLetter } from "./issues";
import { XLSX_LIMITS, formatCount } from "./limits";
import { type XlsxPackage, decodeXstring, readPart } from "./xlsx-parts";
import { XlsxRefused } from "./zip";

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
  /** Listed but not read (ReadWorkbookOptions.sheets). */
  skipped?: true;
}

export interface CellContext {
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  /** Filled cells still allowed in the whole workbook; counts down. */
  cellBudget: { left: number };
}

/** "AB12" → 28; 0 when the reference has no column. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return col;
}

/** What the cell shows as text, read as exceljs reads it (numbers in a date style are dates). */
function cellText(type: string, value: string, inline: string, style: number, ctx: CellContext): string {
  switch (type) {
    case "s": return ctx.sharedStrings[Number.parseInt(value, 10)] ?? "";
    case "inlineStr": return decodeXstring(inline);
    case "str": case "d": return value;
    case "b": return value === "" ? "" : String(Number.parseInt(value, 10) !== 0);
    case "e": return "";
    default: {
      if (value === "") return "";
      const n = Number.parseFloat(value);
      if (!Number.isFinite(n)) return value;
      if (!ctx.dateStyles.has(style)) return String(n);
      const ms = Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 86_400_000);
      const date = new Date(ms);
      return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 10);
    }
  }
}

/** Reads the sheet held in `part`; `stats.rowsRead` counts the rows it went through. */
export async function readSheet(pkg: XlsxPackage, name: string, part: string, ctx: CellContext): Promise<Sheet> {
  const entry = pkg.entries.get(part.toLowerCase());
  const sheet: Sheet = { name, headerRow: 0, headers: [], rows: [] };
  if (!entry) throw new XlsxRefused(`Could not read the spreadsheet: sheet "${name}" is missing from the file`);
  let inData = false;
  let finished = false;
  let rowNumber = 0;
  let row: Map<number, string> | null = null;
  let col = 0;
  let cell: { type: string; style: number; value: string[]; inline: string[] } | null = null;
  let into: string[] | null = null;
  let phonetic = 0;
  const refuse = (message: string, column?: number) =>
    new XlsxRefused(message, { sheet: name, row: rowNumber, ...(column ? { column: columnLetter(column), columnLetter: columnLetter(column) } : {}) });

  const endRow = () => {
    const cells = row!;
    row = null;
    pkg.stats.rowsRead++;
    if (cells.size === 0) return;
    if (sheet.headerRow === 0) {
      sheet.headerRow = rowNumber;
      sheet.headers = [...cells].sort(([a], [b]) => a - b).map(([c, raw]) => ({ col: c, letter: columnLetter(c), raw, ...parseHeader(raw) }));
      return;
    }
    if (sheet.rows.length >= XLSX_LIMITS.rowsPerSheet) {
      throw refuse(`Sheet "${name}" has more than ${formatCount(XLSX_LIMITS.rowsPerSheet)} rows of data; is it really a questionnaire? (the limit is ${formatCount(XLSX_LIMITS.rowsPerSheet)} rows)`);
    }
    sheet.rows.push({ number: rowNumber, cells });
  };

  const endCell = () => {
    const c = cell!;
    cell = null;
    const text = cellText(c.type, c.value.join(""), c.inline.join(""), c.style, ctx).trim();
    if (text === "") return;
    if (text.length > XLSX_LIMITS.cellChars) {
      throw refuse(`Cell ${columnLetter(col)}${rowNumber} holds ${formatCount(text.length)} characters; a cell may hold at most ${formatCount(XLSX_LIMITS.cellChars)}`, col);
    }
    if (--ctx.cellBudget.left < 0) {
      throw refuse(`The workbook has more than ${formatCount(XLSX_LIMITS.cells)} filled cells; the limit is ${formatCount(XLSX_LIMITS.cells)}`, col);
    }
    row!.set(col, text);
  };

  await readPart(pkg, entry, {
    open(tag, a) {
      if (tag === "sheetData") inData = true;
      if (!inData) return;
      if (tag === "row") {
        rowNumber = a.r ? Number.parseInt(a.r, 10) : rowNumber + 1;
        row = new Map();
        col = 0;
      } else if (tag === "c" && row) {
        col = (a.r && columnOf(a.r)) || col + 1;
        cell = { type: a.t ?? "n", style: Number(a.s ?? 0), value: [], inline: [] };
      } else if (cell && tag === "v") into = cell.value;
      else if (cell && tag === "rPh") phonetic++;
      else if (cell && tag === "t" && !phonetic) into = cell.inline;
    },
    close(tag) {
      if (!inData) return;
      if (tag === "v" || tag === "t") into = null;
      else if (tag === "rPh") phonetic--;
      else if (tag === "c" && cell) endCell();
      else if (tag === "row" && row) endRow();
      else if (tag === "sheetData") finished = true;
    },
    text(t) {
      if (into) into.push(t);
    },
    done: () => finished,
  });
  sheet.rows.sort((a, b) => a.number - b.number);
  return sheet;
}
