// CSV (RFC 4180, UTF-8, CRLF line ends, optional byte-order mark for Excel), streamed.
import { type Cell, neutraliseText } from "./cells";

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** One CSV field: neutralised against formulas, quoted when it holds a comma, quote or line break. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const s = neutraliseText(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(QUOTE, '""')}"` : s;
}

export function csvLine(cells: readonly Cell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) line += (i ? "," : "") + csvField(cells[i]);
  return `${line}\r\n`;
}

const FLUSH_AT = 256 * 1024;
const BOM = "\uFEFF";

/**
 * Encodes rows as CSV chunks of about 256 KB, so memory stays flat however many rows come.
 * `bom` prefixes the UTF-8 byte-order mark that makes Excel read UTF-8 (Cyrillic) correctly;
 * a `header` line goes out at once, before the first row is read (time to first byte).
 */
export async function* csvChunks(rows: AsyncIterable<readonly Cell[]>, o: { bom?: boolean; header?: readonly Cell[] } = {}): AsyncGenerator<Uint8Array> {
  let buf = o.bom ? BOM : "";
  if (o.header) {
    yield Buffer.from(buf + csvLine(o.header), "utf8");
    buf = "";
  }
  for await (const row of rows) {
    buf += csvLine(row);
    if (buf.length >= FLUSH_AT) {
      yield Buffer.from(buf, "utf8");
      buf = "";
    }
  }
  if (buf) yield Buffer.from(buf, "utf8");
}
