// CSV for imports, read with csv-parse (RFC 4180: quoted fields with delimiters, quotes and line
// breaks inside; LF, CRLF or CR-only line ends; a UTF-8 byte-order mark). The delimiter — comma,
// semicolon (what Excel writes in Norwegian and other locales) or tab — is the one that splits
// the header record into the most fields. Every record carries the 1-based line where it starts; blank lines are skipped;
// text after a closing quote (`"a@x.org"junk`) is an error at its line, never silently joined.
import { type CsvError, type Info, type Options, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";

export type CsvRecord = { line: number; cells: string[] };
export type CsvParse = { ok: true; delimiter: string; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Characters one record may span: a row of an import is far shorter; an unclosed quote is not. */
export const MAX_CSV_RECORD_CHARS = 10_000;

/** A CSV that cannot be read, at the line where the problem is. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

const DELIMITERS = [",", ";", "\t"];

/**
 * The delimiter that reads the header record into the most fields (comma on a tie), the header
 * read by csv-parse itself, so separators inside a quoted column name do not count.
 */
export function detectDelimiter(text: string): string {
  let best = ",";
  let most = 0;
  for (const delimiter of DELIMITERS) {
    let fields = 0;
    try {
      const [header] = parseSync(text, { delimiter, bom: true, to: 1, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_CSV_RECORD_CHARS }) as string[][];
      fields = header?.length ?? 0;
    } catch {
      // Not this delimiter (a quoted name followed by other text), or an unreadable header.
    }
    if (fields > most) [best, most] = [delimiter, fields];
  }
  return best;
}

// on_record turns each row into a CsvRecord; csv-parse's types only know string[] rows.
const options = (delimiter: string, lines: LineCounter): Options => ({
  delimiter,
  bom: true,
  relax_column_count: true,
  skip_empty_lines: true,
  max_record_size: MAX_CSV_RECORD_CHARS,
  on_record: ((record: string[], info: Info): CsvRecord => ({ line: lines.start(info), cells: record })) as unknown as Options["on_record"],
});

/** Turns csv-parse's end line and blank-line count into the line where each record starts. */
class LineCounter {
  private lastEnd = 0;
  private lastEmpty = 0;
  start(info: Info): number {
    const line = this.lastEnd + 1 + (info.empty_lines - this.lastEmpty);
    this.lastEnd = info.lines;
    this.lastEmpty = info.empty_lines;
    return line;
  }
  /** Where the record being read when an error struck began. */
  next(): number {
    return this.lastEnd + 1;
  }
}

function syntaxError(e: unknown, lines: LineCounter): CsvSyntaxError {
  const err = e as CsvError & { lines?: number };
  const at = err.lines ?? lines.next();
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new CsvSyntaxError(lines.next(), "A quoted field is never closed");
    case "CSV_INVALID_CLOSING_QUOTE":
      return new CsvSyntaxError(at, "Text after a closing quote; put the whole field in quotes and double any quote inside it");
    case "INVALID_OPENING_QUOTE":
      return new CsvSyntaxError(at, "A quote inside an unquoted field; put the whole field in quotes and double the quote");
    case "CSV_MAX_RECORD_SIZE":
      return new CsvSyntaxError(lines.next(), `A row longer than ${MAX_CSV_RECORD_CHARS.toLocaleString("en-US")} characters (is a quote left open?)`);
    default:
      if (err.code) return new CsvSyntaxError(at, err.message);
      throw e;
  }
}

const CHUNK = 16 * 1024;

/**
 * The line where the n-th non-empty line begins, or 0 when there are fewer: a cheap bound on the
 * records (a record starts on a non-empty line), so a file with too many rows is refused before
 * it is parsed.
 */
export function lineOfNthNonEmptyLine(bytes: Uint8Array, n: number): number {
  let line = 1;
  let count = 0;
  let empty = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 10 || b === 13) {
      if (b === 13 && bytes[i + 1] === 10) i++;
      line++;
      empty = true;
    } else if (empty) {
      empty = false;
      if (++count === n) return line;
    }
  }
  return 0;
}

/**
 * The records of a CSV, a piece at a time: the text is fed to the parser 16 KB at a time and each
 * piece's records come as one list, so only those are ever decoded and alive, and a caller that
 * handles a list without awaiting lets them die young. Throws CsvSyntaxError. Stopping the loop
 * stops the parser.
 */
export async function* readCsvPieces(bytes: Uint8Array): AsyncGenerator<CsvRecord[]> {
  const lines = new LineCounter();
  let piece: CsvRecord[] = [];
  const parser = parse({
    ...options(detectDelimiter(new TextDecoder().decode(bytes.subarray(0, CHUNK))), lines),
    on_record: ((record: string[], info: Info) => {
      piece.push({ line: lines.start(info), cells: record });
      return null;
    }) as unknown as Options["on_record"],
  });
  parser.on("error", () => {}); // reported through the write callbacks below
  const feed = (chunk: Uint8Array | null) =>
    new Promise<void>((resolve, reject) => {
      const done = (e?: Error | null) => (e ? reject(e) : resolve());
      if (chunk) parser.write(chunk, done);
      else parser.end(done);
    });
  try {
    for (let i = 0; ; i += CHUNK) {
      const last = i + CHUNK >= bytes.byteLength;
      await feed(Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.max(0, Math.min(CHUNK, bytes.byteLength - i))));
      if (last) await feed(null);
      const records = piece;
      piece = [];
      if (records.length) yield records;
      if (last) return;
    }
  } catch (e) {
    throw syntaxError(e, lines);
  } finally {
    parser.destroy();
  }
}

/** The records of a CSV one at a time (readCsvPieces, flattened). */
export async function* readCsv(bytes: Uint8Array): AsyncGenerator<CsvRecord> {
  for await (const piece of readCsvPieces(bytes)) yield* piece;
}

/** Parses a whole text at once (small files, tests): the same reading as readCsv. Pure. */
export function parseCsv(input: string): CsvParse {
  const delimiter = detectDelimiter(input);
  const lines = new LineCounter();
  try {
    return { ok: true, delimiter, records: parseSync(input, options(delimiter, lines)) as unknown as CsvRecord[] };
  } catch (e) {
    const err = syntaxError(e, lines);
    return { ok: false, line: err.line, message: err.message };
  }
}
