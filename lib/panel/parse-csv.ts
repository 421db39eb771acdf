// A small RFC 4180 CSV reader for imports: quoted fields (with commas, quotes and line breaks
// inside), CRLF or LF, a UTF-8 byte-order mark, and comma or semicolon (what Excel writes in
// Norwegian and other locales) detected from the header line. Pure.

export type CsvRecord = { line: number; cells: string[] };
export type CsvParse = { ok: true; delimiter: string; records: CsvRecord[] } | { ok: false; line: number; message: string };

function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const count = (c: string) => header.split(c).length - 1;
  return count(";") > count(",") ? ";" : count("\t") > count(",") ? "\t" : ",";
}

/** Parses the text; each record carries the 1-based line where it starts. Blank lines are skipped. */
export function parseCsv(input: string): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const d = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let wasQuoted = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "" && !wasQuoted)) records.push({ line: start, cells });
    cells = [];
    cell = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === "") {
      quoted = true;
      wasQuoted = true;
    } else if (c === '"') {
      return { ok: false, line, message: "A quote inside an unquoted field; put the whole field in quotes and double the quote" };
    } else if (c === d) {
      cells.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      // CR of CRLF: the LF ends the record.
    } else if (c === "\n") {
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted) return { ok: false, line: start, message: "A quoted field is never closed" };
  if (cell !== "" || cells.length) endRecord();
  return { ok: true, delimiter: d, records };
}
