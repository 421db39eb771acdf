import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { evaluateFlow, visibleOptions, type Question, type SurveyDefinition } from "../../../lib/surveys/index";
import { importXlsForm } from "../../../lib/surveys/xlsform/index";
import { buildWorkbook } from "../../fixtures/forms/workbook";
import { BAD, GOOD } from "../../fixtures/forms/xlsform-fixtures";

const fixtureDir = join(import.meta.dirname, "../../fixtures/forms");

async function importGood(name: keyof typeof GOOD): Promise<SurveyDefinition> {
  const r = await importXlsForm(await buildWorkbook(GOOD[name]));
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r.definition;
}
const question = (def: SurveyDefinition, name: string): Question => def.pages.flatMap((p) => p.questions).find((q) => q.name === name)!;

describe("XLSForm import: good forms", () => {
  it("reads a minimal form with a plain label column as English", async () => {
    const r = await importXlsForm(await buildWorkbook(GOOD["good-minimal"]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.definition).toMatchObject({ languages: ["en"], defaultLanguage: "en", title: { en: "Untitled survey" } });
    expect(r.definition.pages).toHaveLength(1);
    expect(question(r.definition, "name")).toMatchObject({ type: "text", required: true, label: { en: "What is your name?" } });
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringContaining("plain label column has no language")]);
  });

  it("reads a KoboToolbox-style form: case-insensitive sheets, 'list name', spaced types, nested groups", async () => {
    const def = await importGood("good-kobo-style");
    expect(def).toMatchObject({ id: "household", version: "3", languages: ["en", "fr"], defaultLanguage: "en", title: { en: "Household survey" } });
    expect(def.pages.map((p) => p.id)).toEqual(["household", "page_1"]);
    expect(question(def, "county")).toMatchObject({ type: "single", appearance: "minimal", required: true });
    expect(question(def, "city")).toMatchObject({ choiceFilter: "county = ${county}" });
    expect(question(def, "work")).toMatchObject({ type: "multiple", other: true, relevant: "${age} >= 18" });
    expect(question(def, "work")).toHaveProperty("options.2", { code: "other", label: { en: "Other", fr: "Other" } });
    expect(def.calculates).toEqual([{ name: "adult", calculation: "if(${age} >= 18, 'yes', 'no')" }]);
    expect(question(def, "age")).toMatchObject({ constraint: ". >= 0 and . <= 120", constraintMessage: { en: "Between 0 and 120" }, hint: { en: "In years" } });
  });

  it("filters choices by a choice column", async () => {
    const def = await importGood("good-kobo-style");
    const s = evaluateFlow(def, { county: "vestland" }, {}, new Date("2024-01-01"));
    expect(visibleOptions(def, s, "city", "fr").map((o) => o.code)).toEqual(["bergen"]);
  });

  it("reads the Panelwave extensions", async () => {
    const def = await importGood("good-panelwave-extensions");
    expect(def.preload).toEqual([{ name: "municipality", label: { en: "Municipality", uk: "Муніципалітет" } }]);
    expect(question(def, "left")).toMatchObject({ type: "month" });
    expect(question(def, "left")).not.toHaveProperty("appearance");
    expect(question(def, "settled")).toMatchObject({ type: "scale", min: 0, max: 10, minLabel: { en: "Not at all" }, maxLabel: { en: "Fully" } });
    expect(question(def, "views")).toMatchObject({ type: "matrix", rows: [{ code: "safe" }, { code: "kind" }], options: [{ code: "no" }, { code: "yes" }] });
    expect(question(def, "story")).toMatchObject({ type: "textarea" });
    expect(question(def, "email")).toMatchObject({ type: "email", required: true, relevant: "${consent_contact} = 'yes'" });
    expect(question(def, "consent_contact")).toMatchObject({ type: "consent", wordingVersion: "v1", wording: { en: "We keep your email apart.", uk: "Ми зберігаємо вашу адресу окремо." } });
    expect(def.title).toEqual({ en: "Extensions", uk: "Розширення" });
  });

  it("merges repeated choice rows into one option with label variants", async () => {
    const def = await importGood("good-panelwave-extensions");
    const reasons = question(def, "reasons");
    expect(reasons).toHaveProperty("options.0", { code: "home", label: { en: "Ukraine is home", uk: "Україна — дім" }, relevant: "${where_now} = 'returned'" });
    expect(reasons).toHaveProperty("options.1.labelVariants", [
      { when: "${where_now} = 'returned'", label: { en: "To be with family in Ukraine", uk: "Щоб бути з родиною в Україні" } },
      { when: "${where_now} = 'moved_on'", label: { en: "To be closer to family and friends", uk: "Щоб бути ближче до родини" } },
    ]);
    expect(reasons).toHaveProperty("options.2.exclusive", true);
    const s = evaluateFlow(def, { where_now: "moved_on" }, {}, new Date("2024-01-01"));
    expect(visibleOptions(def, s, "reasons", "en")).toEqual([
      { code: "family", label: "To be closer to family and friends", exclusive: false },
      { code: "none", label: "None of these", exclusive: true },
    ]);
  });

  it("warns about metadata rows, nested groups and missing translations without failing", async () => {
    const r = await importXlsForm(await buildWorkbook(GOOD["good-kobo-style"]));
    expect(r.warnings.map((w) => `${w.sheet}!${w.row} ${w.column}`)).toEqual([
      "Survey!2 type", "Survey!3 type", "Survey!8 type", "Settings!2 form_title::Français (fr)",
    ]);
  });

  it("warns about a column it does not read, suggesting the likely spelling", async () => {
    const r = await importXlsForm(await buildWorkbook({ survey: [["type", "name", "label::English (en)", "relevent"], ["text", "a", "A", "${a} = ''"]] }));
    expect(r.ok && r.definition.pages[0].questions[0].relevant).toBeUndefined();
    expect(r.warnings).toEqual([{ sheet: "survey", row: 1, column: "relevent", columnLetter: "D", message: 'Column "relevent" is not used by Panelwave; did you mean "relevant"?' }]);
  });

  it("reads the committed fixture files as the specs describe them", async () => {
    for (const name of Object.keys(GOOD)) {
      const r = await importXlsForm(readFileSync(join(fixtureDir, `${name}.xlsx`)));
      expect(r.ok, name).toBe(true);
    }
  });
});

describe("XLSForm import: every problem named with sheet, row and column", () => {
  for (const [name, fixture] of Object.entries(BAD)) {
    it(`reports all problems of ${name}`, async () => {
      const r = await importXlsForm(await buildWorkbook(fixture.spec));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const got = r.errors.map((e) => ({ sheet: e.sheet, row: e.row, column: e.column, message: e.message }));
      expect(got).toHaveLength(fixture.errors.length);
      fixture.errors.forEach((want, i) => expect(got[i]).toEqual({ ...want, message: expect.stringContaining(want.message) }));
    });
  }

  it("refuses a file that is not a spreadsheet", async () => {
    const r = await importXlsForm(readFileSync(join(fixtureDir, "bad-not-xlsx.xlsx")));
    expect(r).toMatchObject({ ok: false, errors: [{ sheet: "", row: 0, message: "Not an .xlsx spreadsheet (an XLSForm must be an Excel .xlsx file)" }] });
  });

  it("refuses an old .xls file with advice", async () => {
    const r = await importXlsForm(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect(r.ok ? "" : r.errors[0].message).toMatch(/save it as \.xlsx/);
  });

  it("names the column letter as well as the header", async () => {
    const r = await importXlsForm(await buildWorkbook(BAD["bad-expressions"].spec));
    expect(r.ok ? undefined : r.errors[1]).toMatchObject({ column: "relevant", columnLetter: "D" });
  });
});

describe("XLSForm import: large sheets", () => {
  it("stops at the end of data when a sheet declares a huge formatted range", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("survey");
    ws.addRow(["type", "name", "label"]);
    ws.addRow(["text", "a", "A"]);
    for (let r = 3; r <= 60_000; r += 1) ws.getRow(r).getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getCell("Z60000").value = "";
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const started = performance.now();
    const r = await importXlsForm(data);
    expect(r.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 60_000);
});
