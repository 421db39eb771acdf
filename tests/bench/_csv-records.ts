// Counts the records of a CSV stream as it passes, chunk by chunk: line ends outside quoted
// fields (a quoted field may hold a line break; "" inside quotes is an escaped quote and toggles
// twice). The export benchmark counts what the CSV export and COPY actually wrote with it.
// Not a reader: it counts inside the timed export loop, where csv-parse (about 12 MB/s) would
// dominate the time measured; its unit test checks it against csv-parse (tests/fixtures/csv.ts).
export type RecordCounter = { push(chunk: Uint8Array): void; records(): number };

const QUOTE = 0x22;
const LF = 0x0a;

export function csvRecordCounter(): RecordCounter {
  let inQuote = false;
  let lines = 0;
  let last = -1;
  return {
    push(chunk) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (buf.length) last = buf[buf.length - 1];
      let i = 0;
      let q = buf.indexOf(QUOTE, 0);
      while (i < buf.length) {
        if (q !== -1 && q < i) q = buf.indexOf(QUOTE, i);
        if (inQuote) {
          if (q === -1) return;
          inQuote = false;
          i = q + 1;
          continue;
        }
        const n = buf.indexOf(LF, i);
        if (n !== -1 && (q === -1 || n < q)) {
          lines++;
          i = n + 1;
        } else if (q !== -1) {
          inQuote = true;
          i = q + 1;
        } else return;
      }
    },
    /** Records seen, a last one without a line end included. */
    records: () => lines + (last !== -1 && last !== LF ? 1 : 0),
  };
}
