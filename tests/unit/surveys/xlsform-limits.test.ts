// The XLSForm reader's limits (lib/surveys/xlsform/limits.ts): hostile workbooks are refused from
// the zip directory before anything is unpacked, or as soon as the reader passes a limit — each
// with a message naming the limit, and located at the sheet, row and column where it was passed.
// What is asserted is how far the reader got (bytes unpacked, rows read), never time.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importXlsForm } from "../../../lib/surveys/xlsform/index";
import { XLSX_LIMITS } from "../../../lib/surveys/xlsform/limits";
import { readWorkbook } from "../../../lib/surveys/xlsform/read-workbook";
import { SURVEY_HEAD, rowXml, sheetXml, whitespace, xlsx } from "../../fixtures/forms/raw-xlsx";

const MB = 1024 * 1024;
const errorOf = async (data: Uint8Array) => {
  const r = await importXlsForm(data);
  if (r.ok) throw new Error("the workbook was accepted");
  return r.errors[0];
};
function* dataRows(from: number, count: number, width = 3) {
  for (let i = 0; i < count; i++) yield rowXml(from + i, Array.from({ length: width }, (_, c) => `r${from + i}c${c}`));
}

describe("XLSForm reader: the zip directory is checked before anything is unpacked", () => {
  it("refuses a zip bomb (a 200 MB part packed into a few hundred KB) by its compression ratio", async () => {
    const bomb = await xlsx([{ name: "survey", xml: sheetXml([...SURVEY_HEAD, ...whitespace(200 * MB)]) }]);
    expect(bomb.byteLength).toBeLessThan(MB);
    const r = await readWorkbook(bomb);
    expect(r).toMatchObject({ error: { sheet: "", row: 0, message: expect.stringContaining("the limit is 100 times") }, stats: { bytesUnpacked: 0, rowsRead: 0 } });
    expect((await errorOf(bomb)).message).toMatch(/unpacks to 200 MB, [\d,]+ times its packed size; the limit is 100 times/);
  }, 30_000);

  it("refuses a workbook that unpacks to more than 50 MB in total, even at an ordinary ratio", async () => {
    // Stored (not compressed) parts: no ratio to speak of, but 60 MB to unpack.
    const parts = Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, xml: sheetXml([...SURVEY_HEAD, ...whitespace(10 * MB)]), store: true }));
    const r = await readWorkbook(await xlsx(parts));
    expect(r).toMatchObject({ error: { message: "The spreadsheet unpacks to 60 MB; the limit is 50 MB (a large XLSForm unpacks to a few MB)" }, stats: { bytesUnpacked: 0 } });
  }, 30_000);

  it("refuses 5,000 sheets by the number of parts, and 150 sheets by the number of sheets", async () => {
    const many = (n: number) => xlsx(Array.from({ length: n }, (_, i) => ({ name: `s${i}`, xml: sheetXml([rowXml(1, ["type"])]) })));
    expect((await errorOf(await many(5_000))).message).toBe("The .xlsx holds 5,004 parts; the limit is 1,000 (a workbook saved by Excel has a few dozen)");
    const r = await readWorkbook(await many(150));
    expect(r).toMatchObject({ error: { message: "The workbook has 150 sheets; the limit is 100 (an XLSForm needs survey, choices and settings)" }, stats: { bytesUnpacked: 0 } });
  }, 60_000);

  it("stops unpacking a part whose directory understates its size, one chunk past the lie", async () => {
    const crafted = await xlsx([{ name: "survey", xml: sheetXml([...SURVEY_HEAD, ...whitespace(40 * MB)]), declaredSize: 10_000 }]);
    const r = await readWorkbook(crafted);
    expect(r).toMatchObject({ error: { message: expect.stringContaining('The part "xl/worksheets/sheet1.xml" unpacks to more than the 10 KB its zip directory declares') } });
    expect(r.stats.bytesUnpacked).toBeLessThan(10_000 + 128 * 1024);
  }, 30_000);
});

describe("XLSForm reader: sheets are read row by row and reading stops at a limit", () => {
  it("stops at the 20,001st data row, naming the sheet and row, without reading the rest of the sheet", async () => {
    // 25,000 data rows followed by broken XML: a reader that went on would fail on the XML instead.
    const rows = [rowXml(1, ["type", "name", "label"]), ...dataRows(2, 25_000)];
    const r = await readWorkbook(await xlsx([{ name: "survey", xml: sheetXml(rows, "<row><c><broken") }]));
    expect(r).toMatchObject({ error: { sheet: "survey", row: 20_002, message: 'Sheet "survey" has more than 20,000 rows of data; is it really a questionnaire? (the limit is 20,000 rows)' } });
    expect(r.stats.rowsRead).toBe(20_002);
    expect((await errorOf(await xlsx([{ name: "survey", xml: sheetXml(rows, "<row><c><broken") }]))).message).toContain("the limit is 20,000 rows");
  }, 60_000);

  it("refuses more than 200,000 filled cells in the workbook, located where the limit is passed", async () => {
    const width = 26;
    const perSheet = Math.ceil(XLSX_LIMITS.cells / width / 2) + 10;
    const sheet = (name: string) => ({ name, xml: sheetXml([rowXml(1, Array.from({ length: width }, (_, c) => `h${c}`)), ...dataRows(2, perSheet, width)]) });
    const r = await readWorkbook(await xlsx([sheet("survey"), sheet("choices")]));
    expect(r).toMatchObject({ error: { sheet: "choices", message: "The workbook has more than 200,000 filled cells; the limit is 200,000" } });
    expect("error" in r && r.error.row).toBeLessThan(perSheet + 2);
  }, 60_000);

  it("refuses a cell longer than Excel allows, naming its sheet, row and column", async () => {
    const r = await errorOf(await xlsx([{ name: "survey", xml: sheetXml([...SURVEY_HEAD, rowXml(3, ["text", "b", "x".repeat(40_000)])]) }]));
    expect(r).toMatchObject({ sheet: "survey", row: 3, column: "C", columnLetter: "C", message: "Cell C3 holds 40,000 characters; a cell may hold at most 32,767" });
  });

  it("reads only up to the end of the cell data: what follows the rows is never unpacked", async () => {
    const tail = `</sheetData>${"<mergeCell/>".repeat(200_000)}</worksheet>`;
    const r = await readWorkbook(await xlsx([{ name: "survey", xml: sheetXml(SURVEY_HEAD, tail), store: true }]));
    expect("sheets" in r && r.sheets[0].rows.length).toBe(1);
    expect(r.stats.bytesUnpacked).toBeLessThan(200_000);
  });
});

describe("XLSForm reader: cell values", () => {
  it("reads inline rich text, CDATA, booleans, numbers and dates in a date style, without phonetic guides", async () => {
    const styles = '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>';
    const row = '<row r="2"><c r="A2" t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r><rPh><t>x</t></rPh></is></c>' +
      '<c r="B2" t="inlineStr"><is><t><![CDATA[1 < 2]]></t></is></c><c r="C2" t="b"><v>1</v></c><c r="D2"><v>1.50</v></c>' +
      '<c r="E2" s="1"><v>45000</v></c><c r="F2" s="2"><v>45001</v></c><c r="G2" t="str"><f>A1</f><v>calc</v></c><c r="H2" t="e"><v>#N/A</v></c></row>';
    const data = await xlsx([{ name: "survey", xml: sheetXml([rowXml(1, ["a", "b", "c", "d", "e", "f", "g", "h"]), row]) }], [], { styles });
    const r = await readWorkbook(data);
    expect("sheets" in r && [...r.sheets[0].rows[0].cells.values()]).toEqual(["a b", "1 < 2", "true", "1.5", "2023-03-15", "2023-03-16", "calc"]);
  });
});

describe("XLSForm reader: reads real workbooks exactly as exceljs does", () => {
  // The full exceljs reader, as the importer used it before it streamed: the oracle.
  async function exceljsCells(data: Buffer): Promise<Record<string, [number, string[]][]>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const out: Record<string, [number, string[]][]> = {};
    for (const ws of wb.worksheets) {
      const rows: [number, string[]][] = [];
      ws.eachRow((row, n) => {
        const cells: string[] = [];
        row.eachCell((cell, col) => {
          const t = cell.text.trim();
          if (t !== "" && cell.type !== ExcelJS.ValueType.Date) cells.push(`${col}=${t}`);
          if (cell.type === ExcelJS.ValueType.Date) cells.push(`${col}=${(cell.value as Date).toISOString().slice(0, 10)}`);
        });
        if (cells.length) rows.push([n, cells]);
      });
      out[ws.name] = rows;
    }
    return out;
  }
  const root = join(import.meta.dirname, "../../..");
  const files = ["tests/fixtures/forms", "db/seed/forms"].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith(".xlsx") && !f.startsWith("bad-not")).map((f) => join(root, d, f)));

  for (const file of files) {
    it(`reads ${file.slice(root.length + 1)}`, async () => {
      const data = readFileSync(file);
      const r = await readWorkbook(data);
      if (!("sheets" in r)) throw new Error(r.error.message);
      const mine: Record<string, [number, string[]][]> = {};
      for (const s of r.sheets) {
        const header: [number, string[]] = [s.headerRow, s.headers.map((h) => `${h.col}=${h.raw}`)];
        mine[s.name] = [...(s.headerRow ? [header] : []), ...s.rows.map((x): [number, string[]] => [x.number, [...x.cells].map(([c, v]) => `${c}=${v}`)])];
      }
      expect(mine).toEqual(await exceljsCells(data));
    });
  }
});
