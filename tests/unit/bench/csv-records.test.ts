// The export benchmark counts the CSV records the export and COPY actually wrote: line ends
// outside quoted fields, whatever the chunk boundaries.
import { describe, expect, it } from "vitest";
import { csvRecordCounter } from "../../bench/_csv-records";
import { readCsv } from "../../fixtures/csv";

const cases: [string, string, number][] = [
  ["CRLF lines", "a,b\r\n1,2\r\n3,4\r\n", 3],
  ["a last record without a line end", "a,b\r\n1,2", 2],
  ["line breaks and escaped quotes inside quoted fields", 'a,b\r\n"x\r\ny",1\r\n"q""\n""",2\r\n', 3],
  ["nothing", "", 0],
  ["LF lines with quotes only", '"a""b"\n"c"\n', 2],
];

describe("csvRecordCounter", () => {
  for (const [what, text, want] of cases) {
    it(`counts ${what}, in chunks of any size`, () => {
      const bytes = Buffer.from(text);
      for (const size of [1, 2, 3, 7, 1 << 16]) {
        const c = csvRecordCounter();
        for (let i = 0; i < bytes.length; i += size) c.push(bytes.subarray(i, i + size));
        expect(c.records(), `chunks of ${size}`).toBe(want);
      }
      expect(readCsv(text).length, "csv-parse reads as many records").toBe(want);
    });
  }
});
