// Repeats in exports: one long table per repeat (CSV download, XLSX sheet), in the codebook and in
// the SPSS, Stata and R files, with the participant's code, the wave, the entry's number and id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { StaffUser } from "../../../lib/auth/current-user";
import { exportCodebook } from "../../../lib/exports/export-codebook";
import { exportResponses } from "../../../lib/exports/export-responses";
import { exportSyntax } from "../../../lib/exports/export-syntax";
import { InvalidInput } from "../../../lib/errors/app-error";
import { householdRoster, residenceHistory } from "../../fixtures/forms/repeat-forms";
import { readCsv } from "../../fixtures/csv";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { bytes, text } from "../recruitment/demo-study";
import { addPeople, makeStudy } from "./small-study";

let t: TestDb;
let s: Awaited<ReturnType<typeof makeStudy>>;
const admin: StaffUser = { id: "admin-1", email: "a@example.org", name: "A", role: "admin" };
const NOW = new Date("2026-12-04T12:00:00Z");
const entry = (id: string, answers: Record<string, unknown>) => ({ id, answers });

beforeAll(async () => {
  t = await createTestDb();
  s = await makeStudy(t.db, [{ slug: "w1", def: householdRoster }, { slug: "w2", def: residenceHistory }]);
  await addPeople(t.db, s, [
    { n: 1, responses: [
      { wave: "w1", answers: { hh_size: 2, members: [entry("aaaa1111", { member_name: "Olena", member_age: 34, member_works: "yes" }), entry("bbbb2222", { member_name: "Mia", member_age: 6, member_relation: "child" })] } },
      { wave: "w2", answers: { moved: "yes", residences: [entry("cccc3333", { res_country: "Poland", res_from: "2022-05" })] } },
    ] },
    { n: 2, responses: [{ wave: "w1", answers: { hh_size: 1, members: [entry("dddd4444", { member_name: "Taras", member_age: 51, member_works: "no" })] } }] },
  ]);
});
afterAll(async () => {
  await t?.drop();
});

const csvOf = async (q: Record<string, string>) => readCsv(await text((await exportResponses(t.db, testKey, s.researcher, s.slug, q, NOW)).body));

describe("a repeat's long table", () => {
  it("has a row per entry with code, wave, entry number and id, as a CSV of its own", async () => {
    const d = await exportResponses(t.db, testKey, s.researcher, s.slug, { repeat: "members" }, NOW);
    expect(d.filename).toBe(`${s.slug}-members-2026-12-04.csv`);
    expect(await csvOf({ repeat: "members" })).toEqual([
      ["code", "wave", "entry_index", "entry_id", "member_name", "member_age", "member_relation", "member_works"],
      ["P-1", "w1", "1", "aaaa1111", "Olena", "34", "", "yes"],
      ["P-1", "w1", "2", "bbbb2222", "Mia", "6", "child", ""],
      ["P-2", "w1", "1", "dddd4444", "Taras", "51", "", "no"],
    ]);
  });

  it("leaves the repeat's questions out of the main table, which counts the entries", async () => {
    const rows = await csvOf({});
    expect(rows[0]).toContain("w1_members_count");
    expect(rows[0]).not.toContain("w1_member_name");
    expect(rows.slice(1).map((r) => r[rows[0].indexOf("w1_members_count")])).toEqual(["2", "1"]);
  });

  it("refuses an unknown repeat, naming the ones there are", async () => {
    await expect(exportResponses(t.db, testKey, s.researcher, s.slug, { repeat: "pets" }, NOW)).rejects.toThrow(InvalidInput);
    const e = await exportResponses(t.db, testKey, s.researcher, s.slug, { repeat: "pets" }, NOW).catch((x: unknown) => x);
    expect(JSON.stringify(e)).toContain('{"path":"repeat","message":"Choose one of: members, residences"}');
  });

  it("puts each repeat on a sheet of its own in the XLSX, and in the codebook sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes((await exportResponses(t.db, testKey, admin, s.slug, { format: "xlsx", identifiers: "true" }, NOW)).body)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["data", "members", "residences", "codebook"]);
    const res = wb.getWorksheet("residences")!;
    expect(res.getRow(1).values).toEqual([undefined, "code", "email", "wave", "entry_index", "entry_id", "res_country", "res_from", "res_to"]);
    expect((res.getRow(2).values as unknown[]).slice(1)).toEqual(["P-1", undefined, "w2", 1, "cccc3333", "Poland", "2022-05"]);
    const cb = wb.getWorksheet("codebook")!;
    const header = cb.getRow(1).values as string[];
    const tableOf = new Map<string, string>();
    cb.eachRow((row, i) => { if (i > 1) tableOf.set(`${row.getCell(header.indexOf("table")).value}.${row.getCell(1).value}`, String(row.getCell(header.indexOf("table")).value)); });
    expect([...tableOf.keys()]).toEqual(expect.arrayContaining(["data.w1_members_count", "members.member_age", "members.entry_id", "residences.res_from"]));
  });

  it("describes the repeat's table in the codebook download", async () => {
    const rows = readCsv(await text((await exportCodebook(t.db, s.researcher, s.slug, { repeat: "members" }, NOW)).body));
    const h = rows[0];
    const byName = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(h.map((k, i) => [k, r[i]]))]));
    expect([...byName.keys()]).toEqual(["code", "wave", "entry_index", "entry_id", "member_name", "member_age", "member_relation", "member_works"]);
    expect(byName.get("member_relation")).toMatchObject({ table: "members", shown_when: "position(..) > 1", value_labels_en: "partner = Partner; child = Child; other = Other" });
    expect(byName.get("member_works")).toMatchObject({ shown_when: "${member_age} >= 16" });
  });

  it("writes SPSS, Stata and R files that read the repeat's CSV and label its columns", async () => {
    const sps = await text((await exportSyntax(t.db, s.researcher, s.slug, "spss", { repeat: "members" }, NOW)).body);
    expect(sps).toContain(`/FILE='${s.slug}-members-2026-12-04.csv'`);
    expect(sps).toMatch(/entry_index F8\.0/);
    expect(sps).toContain("member_age 'Age of ${member_name}'");
    const dofile = await text((await exportSyntax(t.db, s.researcher, s.slug, "stata", { repeat: "members" }, NOW)).body);
    expect(dofile).toContain(`${s.slug}-members-2026-12-04.csv`);
    expect(dofile).toContain("entry_id");
    const r = await text((await exportSyntax(t.db, s.researcher, s.slug, "r", { repeat: "residences" }, NOW)).body);
    expect(r).toContain(`${s.slug}-residences-2026-12-04.csv`);
    expect(r).toContain("res_country");
  });
});
