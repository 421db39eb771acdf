// The import's CSV reader (csv-parse underneath): the tricky cases, each read the same way whole
// (parseCsv) and streamed (readCsv), with the line where each record starts or the error is.
import { describe, expect, it } from "vitest";
import { MAX_CSV_RECORD_CHARS, parseCsv, readCsv } from "../../../lib/panel/parse-csv";

type Want = { records: [line: number, cells: string[]][] } | { error: [line: number, message: string] };

const CASES: [name: string, csv: string, want: Want][] = [
  ["quoted delimiters, doubled quotes and a line break in a field", 'a,b\n"x, ""y""","line\nbreak"\n3,4', { records: [[1, ["a", "b"]], [2, ['x, "y"', "line\nbreak"]], [4, ["3", "4"]]] }],
  ["CRLF line ends", "a,b\r\n1,2\r\n", { records: [[1, ["a", "b"]], [2, ["1", "2"]]] }],
  ["CR-only line ends (old Mac, some exports)", "a;b\r1;2\r\r3;4\r", { records: [[1, ["a", "b"]], [2, ["1", "2"]], [4, ["3", "4"]]] }],
  ["a UTF-8 byte-order mark before the header", "\uFEFFemail,code\r\nx@example.org,C1\r\n", { records: [[1, ["email", "code"]], [2, ["x@example.org", "C1"]]] }],
  ["semicolons, as Excel writes them in many locales", "email;language\nx@example.org;uk", { records: [[1, ["email", "language"]], [2, ["x@example.org", "uk"]]] }],
  ["tabs", "email\tlanguage\nx@example.org\tuk", { records: [[1, ["email", "language"]], [2, ["x@example.org", "uk"]]] }],
  ["semicolons with commas inside a quoted header name", '"email, private";language\nx@example.org;uk', { records: [[1, ["email, private", "language"]], [2, ["x@example.org", "uk"]]] }],
  ["commas with semicolons inside a quoted header name", '"a;b;c",email\n1,x@example.org', { records: [[1, ["a;b;c", "email"]], [2, ["1", "x@example.org"]]] }],
  ["a quoted header name spanning two lines", '"e\nmail";"lang;uage";code\nx@example.org;uk;C1', { records: [[1, ["e\nmail", "lang;uage", "code"]], [3, ["x@example.org", "uk", "C1"]]] }],
  ["an empty trailing line", "email,code\nx@example.org,C1\n\n", { records: [[1, ["email", "code"]], [2, ["x@example.org", "C1"]]] }],
  ["blank lines skipped, line numbers kept", "a\n\n\nb\n", { records: [[1, ["a"]], [4, ["b"]]] }],
  ["a quoted empty field is a record", 'a\n""\n', { records: [[1, ["a"]], [2, [""]]] }],
  ["ragged rows kept for the importer to report", "a,b\n1\n1,2,3", { records: [[1, ["a", "b"]], [2, ["1"]], [3, ["1", "2", "3"]]] }],
  ["text after a closing quote is an error, not joined", 'email\n"a@x.org"junk\n', { error: [2, "Text after a closing quote; put the whole field in quotes and double any quote inside it"] }],
  ["a quote inside an unquoted field", 'email\nab"c@x.org\n', { error: [2, "A quote inside an unquoted field; put the whole field in quotes and double the quote"] }],
  ["a quote never closed, at the line where it opens", 'a\nb\n"open\nc\nd', { error: [3, "A quoted field is never closed"] }],
  ["a row longer than the limit (a quote left open swallowing the file)", `a\n"${"x".repeat(MAX_CSV_RECORD_CHARS + 1)}\nb\nc\n`, { error: [2, "A row longer than 10,000 characters (is a quote left open?)"] }],
];

async function streamed(csv: string): Promise<Want> {
  const records: [number, string[]][] = [];
  try {
    for await (const r of readCsv(new TextEncoder().encode(csv))) records.push([r.line, r.cells]);
  } catch (e) {
    return { error: [(e as { line: number }).line, (e as Error).message] };
  }
  return { records };
}
const whole = (csv: string): Want => {
  const r = parseCsv(csv);
  return r.ok ? { records: r.records.map((x) => [x.line, x.cells]) } : { error: [r.line, r.message] };
};

describe("import CSV reader", () => {
  for (const [name, csv, want] of CASES) {
    it(`reads ${name}`, async () => {
      expect(whole(csv)).toEqual(want);
      expect(await streamed(csv)).toEqual(want);
    });
  }

  it("yields records before it reaches a broken line (it streams, it does not read the whole file first)", async () => {
    const csv = `email\n${Array.from({ length: 50_000 }, (_, i) => `p${i}@example.org`).join("\n")}\n"broken`;
    const seen: number[] = [];
    for await (const r of readCsv(new TextEncoder().encode(csv))) {
      seen.push(r.line);
      if (seen.length === 1_000) break;
    }
    expect(seen.at(-1)).toBe(1_000);
  });
});
