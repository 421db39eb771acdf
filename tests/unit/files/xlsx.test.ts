import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../lib/files/cells";
import { xlsxChunks } from "../../../lib/files/xlsx";

async function* from(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const r of rows) yield r;
}

async function bytes(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of body) parts.push(c);
  return Buffer.concat(parts);
}

describe("the XLSX writer", () => {
  it("writes each sheet's rows as a spreadsheet reads them: numbers as numbers, text inert, control characters dropped", async () => {
    const file = await bytes(xlsxChunks([
      { name: "data", rows: from([["id", "answer", "n"], ["P1", "=HYPERLINK(\"x\")", -3], ["P2", "a & <b>\u0001 \"q\" 'a'\tz", null], ["P3", "", 2.5]]) },
      { name: "codebook", rows: from([["variable"], ["answer"]]) },
    ]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["data", "codebook"]);
    const data = wb.getWorksheet("data")!;
    const values = (r: number) => (data.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["id", "answer", "n"]);
    expect(values(2)).toEqual(["P1", "'=HYPERLINK(\"x\")", -3]);
    expect(values(3)).toEqual(["P2", "a & <b> \"q\" 'a'\tz"]);
    expect(values(4)).toEqual(["P3", undefined, 2.5]);
    expect((wb.getWorksheet("codebook")!.getRow(2).values as unknown[]).slice(1)).toEqual(["answer"]);
  });

  it("reads no further rows while its reader waits (back-pressure through the zip stream)", async () => {
    let read = 0;
    async function* endless(): AsyncGenerator<Cell[]> {
      for (;;) {
        read++;
        yield Array.from({ length: 20 }, (_, i) => `row ${read} cell ${i} ${Math.random().toString(36)}`);
      }
    }
    const it = xlsxChunks([{ name: "data", rows: endless() }])[Symbol.asyncIterator]();
    await it.next();
    // The pipes' buffers fill (a bounded number of rows, a few MB), then nothing more is read.
    let paused = -1;
    for (let stable = 0; stable < 5; ) {
      await new Promise((r) => setTimeout(r, 100));
      stable = read === paused ? stable + 1 : 0;
      paused = read;
    }
    expect(read).toBeLessThan(50_000);
    for (let i = 0; i < 200; i++) await it.next();
    expect(read).toBeGreaterThan(paused);
    await it.return?.(undefined);
  }, 20_000);

  it("stops the row source when the download is abandoned", async () => {
    let read = 0;
    let closed = false;
    async function* rows(): AsyncGenerator<Cell[]> {
      try {
        for (;;) yield [`row ${++read} ${Math.random().toString(36)}`];
      } finally {
        closed = true;
      }
    }
    const it = xlsxChunks([{ name: "data", rows: rows() }])[Symbol.asyncIterator]();
    while (read === 0) await it.next();
    await it.return?.(undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
  });

  it("passes a source's failure to the reader", async () => {
    async function* failing(): AsyncGenerator<Cell[]> {
      yield ["a"];
      throw new Error("the database went away");
    }
    await expect(bytes(xlsxChunks([{ name: "data", rows: failing() }]))).rejects.toThrow("the database went away");
  });
});
