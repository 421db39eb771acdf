// Time and date-time questions end to end (issue 16): on the respondent page without any script
// as labelled text fields in the page's language, stored as ISO 8601 (a date-time in the study's
// zone with its offset), and exported as text columns typed time/datetime in CSV, XLSX, codebook
// and syntax files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { responses, studies } from "../../db/schema";
import type { StaffUser } from "../../lib/auth/current-user";
import type { Config } from "../../lib/config/load-config";
import { exportCodebook } from "../../lib/exports/export-codebook";
import { exportResponses } from "../../lib/exports/export-responses";
import { exportSyntax } from "../../lib/exports/export-syntax";
import { showPersonalLink, submitPersonalLink } from "../../lib/respondent/personal-link";
import type { SurveyDefinitionInput } from "../../lib/surveys/definition";
import { readCsv } from "../fixtures/csv";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { formOf, html } from "./helpers/respondent-form";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";
import { bytes, text } from "./recruitment/demo-study";

let t: TestDb;
const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;
const req = (lang: string) => ({ now: new Date(), acceptLanguage: "en", requestedLanguage: lang });
const admin: StaffUser = { id: "admin-1", email: "a@example.org", name: "A", role: "admin" };
const L = (en: string, uk: string) => ({ en, uk, ru: uk, nb: en });

const survey: SurveyDefinitionInput = {
  title: L("Survey", "Опитування"), languages: ["en", "uk", "ru", "nb"], defaultLanguage: "en",
  pages: [
    { id: "p1", questions: [
      { name: "wake", type: "time", label: L("When do you wake up?", "Коли ви прокидаєтеся?"), required: true, constraint: ". < '12:00'" },
      { name: "crossed", type: "datetime", label: L("When did you cross the border?", "Коли ви перетнули кордон?") },
    ] },
    { id: "p2", questions: [{ name: "note", type: "text", label: L("Comment", "Коментар") }] },
  ],
};

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

async function link() {
  const s = await makeStudyWave(t.db, survey);
  await t.db.update(studies).set({ settings: { timeZone: "Europe/Kyiv" } }).where(eq(studies.id, s.studyId));
  return { ...s, ...(await makeInvitation(t.db, s.studyId, s.waveId)) };
}

describe("time and date-time questions", () => {
  it("are labelled text fields in the page's language, with no browser picker and no script needed", async () => {
    const { token } = await link();
    const page = html(await showPersonalLink(t.db, config, token, req("uk")));
    for (const name of ["wake:hour", "wake:minute", "crossed:day", "crossed:month", "crossed:year", "crossed:hour", "crossed:minute"]) expect(page).toContain(`name="${name}"`);
    expect(page).toContain('<label for="q-wake-in">Години</label>');
    expect(page).toContain(">Хвилини</label>");
    expect(page).toContain("24-годинний формат");
    expect(page).not.toMatch(/\stype="(time|datetime-local|date)"/);
  });

  it("names the part to fix in the respondent's language, shows what was typed, then stores ISO values in the study's zone", async () => {
    const { token, participantId, slug } = await link();
    const first = await showPersonalLink(t.db, config, token, req("uk"));
    const fields = (hour: string) => [["wake:hour", hour], ["wake:minute", "15"], ["crossed:day", "24"], ["crossed:month", "2"], ["crossed:year", "2022"], ["crossed:hour", "5"], ["crossed:minute", "40"]] as [string, string][];
    const bad = await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ...fields("25")], req("uk"));
    expect(bad.kind === "html" && bad.status).toBe(422);
    expect(html(bad)).toContain("Введіть годину числом від 0 до 23.");
    expect(html(bad)).toContain('name="wake:hour" value="25"');
    const late = await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ...fields("13")], req("uk"));
    expect(html(late)).toContain("Ця відповідь неприпустима.");

    const ok = await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ...fields("6")], req("uk"));
    expect(ok.kind).toBe("redirect");
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row.answers).toEqual({ wake: "06:15", crossed: "2022-02-24T05:40+02:00" });

    // Back on the page, the fields show the stored answer.
    const second = await showPersonalLink(t.db, config, token, req("uk"));
    await submitPersonalLink(t.db, config, token, [...formOf(second), ["_action", "back"]], req("uk"));
    const again = html(await showPersonalLink(t.db, config, token, req("uk")));
    expect(again).toContain('name="wake:hour" value="06"');
    expect(again).toContain('name="crossed:hour" value="05"');
    expect(again).toContain('name="crossed:day" value="24"');

    // Exports: ISO text in CSV and XLSX, typed time/datetime in the codebook, text widths in SPSS.
    const now = new Date();
    const q = { completed: "false" };
    const rows = readCsv(await text((await exportResponses(t.db, testKey, admin, slug, q, now)).body));
    const at = (name: string) => rows[1][rows[0].indexOf(name)];
    expect([at("w1_wake"), at("w1_crossed")]).toEqual(["06:15", "2022-02-24T05:40+02:00"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes((await exportResponses(t.db, testKey, admin, slug, { ...q, format: "xlsx" }, now)).body)) as never);
    const data = wb.getWorksheet("data")!;
    const header = (data.getRow(1).values as unknown[]).map(String);
    expect(data.getRow(2).getCell(header.indexOf("w1_crossed")).value).toBe("2022-02-24T05:40+02:00");
    const book = readCsv(await text((await exportCodebook(t.db, admin, slug, q, now)).body));
    const type = (name: string) => book.find((r) => r[0] === name)?.[book[0].indexOf("type")];
    expect([type("w1_wake"), type("w1_crossed")]).toEqual(["time", "datetime"]);
    const sps = await text((await exportSyntax(t.db, admin, slug, "spss", q, now)).body);
    expect(sps).toContain("    w1_wake A5");
    expect(sps).toContain("    w1_crossed A25");
    const r = await text((await exportSyntax(t.db, admin, slug, "r", q, now)).body);
    expect(r).toContain('"w1_crossed" = "character"');
  });
});
