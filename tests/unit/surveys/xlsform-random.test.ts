// Property test: randomly generated workbooks (random cell types, number formats, formulas with
// and without cached results, rich text, errors, empty sheets) are read without ever throwing.
// A refusal is fine; an exception, "[object Object]" or "Invalid Date" in the output is not.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importXlsForm } from "../../../lib/surveys/xlsform/import-xlsform";
import { readWorkbook } from "../../../lib/surveys/xlsform/read-workbook";
import { rowXml, sheetXml, xlsx } from "../../fixtures/forms/raw-xlsx";
// The seeded generator of the request fuzz test, so a failing seed can be replayed.
import { type Rng, rng } from "../../integration/boundary/fuzz-bodies";

type R = Rng;

const FORMATS = ["yyyy-mm-dd", "d-mmm-yy", "h:mm", "[$-409]mmmm d, yyyy", "0.00", "@", "General", "mm/dd/yyyy hh:mm", '"v"0', "0%"];
const HEADERS = ["type", "name", "label", "label::English (en)", "hint", "relevant", "relevance", "constraint", "calculation",
  "required", "appearance", "choice_filter", "list_name", "value", "default", "parameters", "label::Bangla", "bind::relevant", "caption"];
const TYPES = ["text", "integer", "select_one yn", "select all that apply from yn", "note", "calculate", "begin_group", "end_group",
  "begin repeat", "end repeat", "string", "calculate_here", "caseid", "today", "range", "time", "geopoint", "select_one", "", "date"];
const EXPRS = ["${a} = 'yes'", "jr:choice-name(${a}, '${a}')", "format-date-time(${start}, '%Y')", "once(random())", "null", "true",
  "‘yes’ = ${a}", "../x", "pulldata('f', 'a', 'b', 'c')", "${", "duration()", "decimal-date-time(today())"];

function randomValue(r: R): ExcelJS.CellValue {
  switch (r.int(13)) {
    case 0: return null;
    case 1: return r.next() * 1e6 - 5e5;
    case 2: return r.int(100000);
    case 3: return new Date(Date.UTC(1900 + r.int(300), r.int(12), 1 + r.int(28)));
    case 4: return r.next() < 0.5;
    case 5: return { formula: "A1+1" } as ExcelJS.CellValue; // no cached value
    case 6: return { formula: "TODAY()", result: "not a date" } as ExcelJS.CellValue; // text result in a date format
    case 7: return { formula: "NOW()", result: new Date(Date.UTC(2024, 0, 1)) } as ExcelJS.CellValue;
    case 8: return { error: "#REF!" } as ExcelJS.CellValue;
    case 9: return { richText: [{ text: "rich " }, { text: "text", font: { bold: true } }] };
    case 10: return { text: "a link", hyperlink: "https://example.org" };
    case 11: return r.pick(EXPRS);
    default: return r.pick(TYPES) || "x_x0041_ é ü \u{1F600}";
  }
}

async function randomWorkbook(seed: number): Promise<Buffer> {
  const r = rng(seed);
  const wb = new ExcelJS.Workbook();
  const names = ["survey", "choices", "settings", "help", "Survey", "data"];
  const count = 1 + r.int(4);
  for (let s = 0; s < count; s++) {
    const name = `${names[(s + r.int(3)) % names.length]}${s > 2 ? s : ""}`;
    if (wb.worksheets.some((w) => w.name.toLowerCase() === name.toLowerCase())) continue;
    const ws = wb.addWorksheet(name);
    if (r.next() < 0.15) continue; // an empty sheet
    const cols = 1 + r.int(8);
    ws.addRow(Array.from({ length: cols }, () => (r.next() < 0.85 ? r.pick(HEADERS) : randomValue(r))));
    const rows = r.int(25);
    for (let i = 0; i < rows; i++) {
      const row = ws.addRow(Array.from({ length: cols }, (_, c) => (c === 0 && r.next() < 0.6 ? r.pick(TYPES) : randomValue(r))));
      row.eachCell((cell) => { if (r.next() < 0.3) cell.numFmt = r.pick(FORMATS); });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function assertClean(out: unknown) {
  const text = JSON.stringify(out);
  expect(text).not.toContain("[object Object]");
  expect(text).not.toContain("Invalid Date");
}

describe("XLSForm reader: random workbooks never throw", () => {
  it("reads 80 random workbooks: each is imported or refused, never an exception", async () => {
    for (let seed = 1; seed <= 80; seed++) {
      const file = await randomWorkbook(seed);
      const result = await importXlsForm(file).catch((e: unknown) => ({ threw: String(e), seed }));
      expect(result, `seed ${seed}`).not.toHaveProperty("threw");
      assertClean(result);
      const all = await readWorkbook(file).catch((e: unknown) => ({ threw: String(e), seed }));
      expect(all, `seed ${seed}`).not.toHaveProperty("threw");
      assertClean(all);
    }
  }, 60_000);

  it("reads hand-made odd cells: formulas without values, text in date formats, bad style and string indexes", async () => {
    // Style 1 is a date format; cells below use it with text, booleans, errors and no value at all.
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    const odd = [
      `<row r="1"><c r="A1" t="inlineStr"><is><t>version</t></is></c><c r="B1" t="inlineStr"><is><t>form_id</t></is></c></row>`,
      `<row r="2"><c r="A2" s="1" t="str"><f>TEXT(NOW(),"yyyymmdd")</f><v>20240101</v></c><c r="B2" s="1"><f>A2</f></c></row>`,
      `<row r="3"><c r="A3" s="1" t="str"><f>X</f><v>not a date</v></c><c r="B3" s="1"><v>9e99</v></c><c r="C3" s="7"><v>1</v></c></row>`,
      `<row r="4"><c r="A4" t="s"><v>99</v></c><c r="B4" t="b"><v>1</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="d"><v>garbage</v></c><c t="n"><v>NaN</v></c></row>`,
      `<row r="x"><c r="??"><v>-1e400</v></c></row>`,
    ];
    const file = await xlsx(
      [
        { name: "survey", xml: sheetXml([rowXml(1, ["type", "name", "label"]), rowXml(2, ["text", "a", "A"])]) },
        { name: "settings", xml: sheetXml(odd) },
        { name: "help", xml: sheetXml(odd) },
      ],
      [],
      { sharedStrings: ["only one"], styles },
    );
    const r = await importXlsForm(file);
    assertClean(r);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.definition.version).toBe("20240101");
  });
});
