// Property test: randomly generated workbooks (random cell types, number formats, formulas with
// and without cached results, rich text, errors, hyperlinks, empty sheets, huge and odd strings,
// duplicate headers) are read without ever throwing. A refusal with sheet, row and column is fine;
// an exception, "[object Object]" or "Invalid Date" in the output is not. A seeded generator (no
// fast-check): a failing seed replays exactly, and it shares the request fuzz test's generator.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importXlsForm } from "../../../lib/surveys/xlsform/import-xlsform";
import { exportXlsForm } from "../../../lib/surveys/xlsform/export-xlsform";
import { readWorkbook } from "../../../lib/surveys/xlsform/read-workbook";
import { rowXml, sheetXml, xlsx } from "../../fixtures/forms/raw-xlsx";
// The seeded generator of the request fuzz test, so a failing seed can be replayed.
import { type Rng, rng } from "../../integration/boundary/fuzz-bodies";

type R = Rng;

const FORMATS = ["yyyy-mm-dd", "d-mmm-yy", "h:mm", "[$-409]mmmm d, yyyy", "0.00", "@", "General", "mm/dd/yyyy hh:mm", '"v"0', "0%"];
const HEADERS = ["type", "name", "label", "label::English (en)", "hint", "relevant", "relevance", "constraint", "calculation",
  "required", "appearance", "choice_filter", "list_name", "value", "default", "parameters", "label::Bangla", "bind::relevant", "caption"];
const TYPES = ["text", "integer", "select_one yn", "select all that apply from yn", "note", "calculate", "begin_group", "end_group",
  "begin repeat", "end repeat", "string", "calculate_here", "caseid", "today", "range", "time", "datetime", "geopoint", "select_one", "", "date",
  "hidden", "sensor_statistic pct_quiet", "begin loop over yn"];
const EXPRS = ["${a} = 'yes'", "jr:choice-name(${a}, '${a}')", "format-date-time(${start}, '%Y')", "once(random())", "null", "true",
  "‘yes’ = ${a}", "../x", "pulldata('f', 'a', 'b', 'c')", "${", "duration()", "decimal-date-time(today())",
  "pulldata('cases', 'a', 'id', ${caseid})", "pulldata('w1', concat('a', ${a}), 'id', ${a})", "pulldata(", ". < '12:00'", "format-date-time(${a}, '%H:%M')"];
/** Strings that have broken readers: huge, control characters, lone surrogates, right-to-left and zero-width marks, XML-ish. */
const ODD = ["x".repeat(40_000), "a\u0000b\u0007c", "\uD800", "\u202Eevil\u200B", "<c r=\"A1\"><v>1</v></c>", "]]>", "&amp;&lt;", "${a}".repeat(500), " ", "\t\n\r"];

function randomValue(r: R): ExcelJS.CellValue {
  switch (r.int(14)) {
    case 13: return r.pick(ODD);
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

/**
 * A workbook close to a real form (type, name, label::…, hint, relevant, constraint, parameters and
 * a choices sheet) with random types, names, odd texts and expressions, so the accepted path is
 * exercised too: what is imported must export and import back to the same definition.
 */
async function plausibleWorkbook(seed: number): Promise<Buffer> {
  const r = rng(seed * 7919);
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet(r.next() < 0.5 ? "survey" : "Survey");
  const header = ["type", "name", "label::English (en)", "label::Norsk (nb)", "hint::English (en)", "relevant", "constraint", "required", "parameters", "default", "appearance", "calculation"];
  if (r.next() < 0.05) header.push(r.pick(header)); // a duplicate header now and then
  survey.addRow(header);
  const types = ["text", "integer", "decimal", "date", "time", "datetime", "note", "select_one yn", "select_multiple yn", "range", "calculate", "hidden", "acknowledge"];
  const names: string[] = [];
  const answered: string[] = [];
  for (let i = 0, n = 1 + r.int(14); i < n; i++) {
    const type = r.pick(types);
    const name = r.next() < 0.97 ? `q${i}` : r.pick(["", "1bad", "q0", "a b"]);
    names.push(name);
    const ref = answered.length > 0 && r.next() < 0.4 ? `\${${r.pick(answered)}} != ''` : null;
    if (["text", "integer", "date", "time", "datetime", "select_one yn"].includes(type)) answered.push(name);
    const text = (p = 0.8) => (r.next() < p ? `Q ${i} ${r.next() < 0.1 ? r.pick(ODD).slice(0, 300) : "é ü ж"}` : null);
    survey.addRow([type, name, text(0.98), text(), r.next() < 0.3 ? text() : null, ref, r.next() < 0.05 ? r.pick(EXPRS) : null,
      r.pick(["yes", "no", null, "true()"]), type === "range" ? r.pick(["start=1 end=5", "start=0 end=1 step=0.5", null]) : null, null, r.pick([null, "multiline", "month-year", "minimal"])]);
    if (type === "calculate") survey.getRow(survey.rowCount).getCell(header.indexOf("calculation") + 1).value = r.next() < 0.1 ? r.pick(EXPRS) : "1 + 1";
  }
  const choices = wb.addWorksheet("choices");
  choices.addRow(["list_name", "name", "label::English (en)", "label::Norsk (nb)"]);
  choices.addRow(["yn", "yes", "Yes", "Ja"]);
  choices.addRow(["yn", r.next() < 0.9 ? "no" : r.pick(["yes", "n o"]), "No", r.next() < 0.8 ? "Nei" : null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function assertClean(out: unknown) {
  const text = JSON.stringify(out);
  expect(text).not.toContain("[object Object]");
  expect(text).not.toContain("Invalid Date");
}

/** Every refusal and warning says where: a sheet, a row number and (for a cell) a column. */
function assertPlaced(result: Awaited<ReturnType<typeof importXlsForm>>, seed: number) {
  const issues = [...(result.ok ? [] : result.errors), ...result.warnings];
  for (const i of issues) {
    expect(typeof i.sheet, `seed ${seed}: ${i.message}`).toBe("string");
    expect(Number.isInteger(i.row) && i.row >= 0, `seed ${seed}: ${i.message}`).toBe(true);
    expect(typeof i.column, `seed ${seed}: ${i.message}`).toBe("string");
    expect(i.message.length, `seed ${seed}`).toBeGreaterThan(0);
    // A problem on a row (not the workbook as a whole) names its sheet.
    if (i.row > 0) expect(i.sheet, `seed ${seed}: ${i.message}`).not.toBe("");
  }
  if (!result.ok) expect(result.errors.length, `seed ${seed}`).toBeGreaterThan(0);
}

describe("XLSForm reader: random workbooks never throw", () => {
  it("reads 120 random workbooks: each is imported or refused with sheet, row and column, never an exception", async () => {
    for (let seed = 1; seed <= 120; seed++) {
      const file = await randomWorkbook(seed);
      const result = await importXlsForm(file).catch((e: unknown) => ({ threw: String(e), seed }));
      expect(result, `seed ${seed}`).not.toHaveProperty("threw");
      assertClean(result);
      assertPlaced(result as Awaited<ReturnType<typeof importXlsForm>>, seed);
      const all = await readWorkbook(file).catch((e: unknown) => ({ threw: String(e), seed }));
      expect(all, `seed ${seed}`).not.toHaveProperty("threw");
      assertClean(all);
    }
  }, 60_000);

  it("reads 60 plausible random forms: each refused with a place, or imported and exported back to the same definition", async () => {
    let accepted = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const result = await importXlsForm(await plausibleWorkbook(seed)).catch((e: unknown) => ({ threw: String(e), seed }));
      expect(result, `seed ${seed}`).not.toHaveProperty("threw");
      const r = result as Awaited<ReturnType<typeof importXlsForm>>;
      assertClean(r);
      assertPlaced(r, seed);
      if (!r.ok) continue;
      accepted++;
      const back = await importXlsForm(await exportXlsForm(r.definition));
      expect(back.ok && back.definition, `seed ${seed}`).toEqual(r.definition);
    }
    // The generator must reach the accepted path, or the round trip above tests nothing.
    expect(accepted).toBeGreaterThan(5);
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
