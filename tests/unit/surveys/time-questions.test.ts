// Time and date-time questions (issue 16): typed into hour/minute fields (after day/month/year for
// a date-time), stored as ISO 8601 ("14:30"; "2022-05-10T14:30+02:00" in the study's zone), read
// from XLSForm `time`/`datetime` rows, compared and formatted by expressions, exported as text.
import { describe, expect, it } from "vitest";
import { collectDateParts, dateFieldValues, joinDateParts, parseDateTimeInput, parseTimeInput } from "../../../lib/surveys/date-input";
import { coerceAnswer } from "../../../lib/surveys/coerce";
import type { Question, SurveyDefinition } from "../../../lib/surveys/definition";
import { evaluateFlow, validatePage } from "../../../lib/surveys/index";
import { compileExpression as compile } from "../../../lib/surveys/expr/compile";
import { importXlsForm, exportXlsForm } from "../../../lib/surveys/xlsform/index";
import { exportColumns } from "../../../lib/exports/export-columns";
import { spssSyntax } from "../../../lib/exports/syntax";
import { buildWorkbook } from "../../fixtures/forms/workbook";
import { message } from "../../../lib/surveys/messages";

const OSLO = "Europe/Oslo";
const KYIV = "Europe/Kyiv";

describe("time fields", () => {
  it.each([
    ["14", "30", "14:30"], ["9", "5", "09:05"], ["14.30", "", "14:30"], ["14:30", "", "14:30"], ["0", "0", "00:00"], ["23", "59", "23:59"], ["14", "", "14:00"],
  ])("hour %j minute %j → %s", (h, m, value) => expect(parseTimeInput(joinDateParts("time", { hour: h, minute: m }))).toEqual({ value }));

  it("reads ISO times, dropping seconds", () => {
    expect(parseTimeInput("14:30:15")).toEqual({ value: "14:30" });
    expect(parseTimeInput("14:30:15.250")).toEqual({ value: "14:30" });
  });

  it.each([
    ["24", "00", "hourPart"], ["x", "10", "hourPart"], ["", "10", "hourPart"], ["10", "60", "minutePart"], ["10", "5x", "minutePart"], ["1:2:3:4", "", "time"],
  ])("hour %j minute %j → %s", (h, m, error) => expect(parseTimeInput(joinDateParts("time", { hour: h, minute: m }))).toEqual({ error }));

  it("is unanswered when both fields are empty", () => expect(joinDateParts("time", { hour: "", minute: " " })).toBe(""));
});

describe("date-time fields", () => {
  const fields = (day: string, month: string, year: string, hour: string, minute: string) =>
    collectDateParts({ "t:day": day, "t:month": month, "t:year": year, "t:hour": hour, "t:minute": minute }).t as string;

  it("joins the five fields and stores the study's clock with its offset (summer and winter)", () => {
    expect(parseDateTimeInput(fields("10", "5", "2022", "14", "30"), OSLO)).toEqual({ value: "2022-05-10T14:30+02:00" });
    expect(parseDateTimeInput(fields("10", "1", "2022", "9", "05"), OSLO)).toEqual({ value: "2022-01-10T09:05+01:00" });
    expect(parseDateTimeInput(fields("10", "1", "2022", "9", "05"), KYIV)).toEqual({ value: "2022-01-10T09:05+02:00" });
  });

  it("reads ISO input, converting another offset to the study's zone", () => {
    expect(parseDateTimeInput("2022-05-10T14:30", OSLO)).toEqual({ value: "2022-05-10T14:30+02:00" });
    expect(parseDateTimeInput("2022-05-10T12:30:00Z", OSLO)).toEqual({ value: "2022-05-10T14:30+02:00" });
    expect(parseDateTimeInput("2022-05-10T15:30+03:00", OSLO)).toEqual({ value: "2022-05-10T14:30+02:00" });
    expect(parseDateTimeInput("10.05.2022 14:30", OSLO)).toEqual({ value: "2022-05-10T14:30+02:00" });
  });

  it("moves a time the spring DST change skips one hour on, as staff wave times do", () => {
    expect(parseDateTimeInput("2027-03-28T02:30", OSLO)).toEqual({ value: "2027-03-28T03:30+02:00" });
  });

  it("says which part is wrong or missing", () => {
    expect(parseDateTimeInput(fields("31", "4", "2022", "14", "30"), OSLO)).toEqual({ error: "dateReal" });
    expect(parseDateTimeInput(fields("10", "5", "2022", "25", "30"), OSLO)).toEqual({ error: "hourPart" });
    expect(parseDateTimeInput(fields("10", "5", "2022", "", ""), OSLO)).toEqual({ error: "timeMissing" });
    expect(parseDateTimeInput(fields("", "", "", "14", "30"), OSLO)).toEqual({ error: "dateMissing" });
    expect(parseDateTimeInput("yesterday", OSLO)).toEqual({ error: "datetime" });
    expect(fields("", "", "", "", "")).toBe("");
  });

  it("gives the fields back from a stored answer", () => {
    expect(dateFieldValues("2022-05-10T14:30+02:00")).toEqual({ day: "10", month: "5", year: "2022", hour: "14", minute: "30" });
    expect(dateFieldValues("09:05")).toMatchObject({ hour: "09", minute: "05", day: "" });
  });

  it("has every message in uk, ru, nb and en", () => {
    for (const key of ["time", "hourPart", "minutePart", "datetime", "timeMissing", "dateMissing"] as const) {
      const texts = ["uk", "ru", "nb", "en"].map((l) => message(key, l));
      expect(new Set(texts).size, key).toBe(4);
    }
  });
});

describe("coerceAnswer", () => {
  const t: Question = { name: "t", type: "time", label: { en: "T" } };
  const dt: Question = { name: "dt", type: "datetime", label: { en: "DT" } };
  it("stores time and datetime as ISO", () => {
    expect(coerceAnswer(t, "7.45")).toEqual({ value: "07:45" });
    expect(coerceAnswer(dt, "2022-05-10 14:30", KYIV)).toEqual({ value: "2022-05-10T14:30+03:00" });
    expect(coerceAnswer(dt, "")).toEqual({ value: undefined });
  });
});

const def: SurveyDefinition = {
  title: { en: "T" }, languages: ["en"], defaultLanguage: "en", preload: [], calculates: [
    { name: "hour_said", calculation: "format-date-time(${left_at}, '%H:%M on %d.%m.%Y')" },
    { name: "past", calculation: "if(${left_at} < now(), 'yes', 'no')" },
  ],
  pages: [{
    id: "p", questions: [
      { name: "wake", type: "time", label: { en: "When do you wake up?" }, constraint: ". >= '05:00' and . <= '11:00'", constraintMessage: { en: "Between 5 and 11" } },
      { name: "left_at", type: "datetime", label: { en: "When did you leave?" }, required: true },
    ],
  }],
};

describe("time and datetime in the flow", () => {
  const now = new Date("2022-06-01T10:00:00Z");
  const state = evaluateFlow(def, {}, {}, now, { timeZone: OSLO });

  it("validates a page of typed fields, with a constraint on the time and comparisons with now()", () => {
    const submitted = collectDateParts({ "wake:hour": "6", "wake:minute": "15", "left_at:day": "10", "left_at:month": "5", "left_at:year": "2022", "left_at:hour": "14", "left_at:minute": "30" });
    const v = validatePage(def, "p", submitted, state, "en");
    expect(v.errors).toEqual({});
    expect(v.values).toEqual({ wake: "06:15", left_at: "2022-05-10T14:30+02:00" });
    expect(v.state.calculated.hour_said).toBe("14:30 on 10.05.2022");
    expect(v.state.calculated.past).toBe("yes");
  });

  it("gives the constraint message and the named part in the respondent's language", () => {
    const v = validatePage(def, "p", { wake: "12:00", left_at: "10/5/2022 25:00" }, state, "nb");
    expect(v.errors).toEqual({ wake: "Between 5 and 11", left_at: message("hourPart", "nb") });
  });

  it("compares date-times with different offsets as instants", () => {
    const c = compile("${a} < ${b}");
    const scope = (a: string, b: string) => ({ get: (n: string) => (n === "a" ? a : b), self: () => "", column: () => "", today: "2022-01-01", now });
    // 14:30 in Oslo (12:30 UTC) is before 15:00 in Kyiv? No: 15:00+03:00 is 12:00 UTC.
    expect(c.test(scope("2022-05-10T14:30+02:00", "2022-05-10T15:00+03:00"))).toBe(false);
    expect(c.test(scope("2022-05-10T14:30+02:00", "2022-05-10T12:31:00.000Z"))).toBe(true);
  });
});

describe("XLSForm time and datetime rows", () => {
  const spec = {
    survey: [
      ["type", "name", "label", "constraint", "parameters"],
      ["time", "wake", "When do you wake up?", ". < '12:00'", null],
      ["datetime", "left_at", "When did you leave?", null, null],
      ["range", "mood", "Mood", null, "start=0 end=10 step=1"],
    ],
  };
  it("imports time, datetime and range (as a scale), and round-trips them", async () => {
    const r = await importXlsForm(await buildWorkbook(spec));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const qs = r.definition.pages.flatMap((p) => p.questions);
    expect(qs.map((q) => q.type)).toEqual(["time", "datetime", "scale"]);
    expect(qs[2]).toMatchObject({ min: 0, max: 10 });
    const back = await importXlsForm(await exportXlsForm(r.definition));
    expect(back.ok && back.definition).toEqual(r.definition);
  });

  it("refuses a range with a step other than 1 at its parameters cell", async () => {
    const r = await importXlsForm(await buildWorkbook({ survey: [["type", "name", "label", "parameters"], ["range", "m", "M", "start=0 end=1 step=0.1"]] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([["survey", 2, "parameters"]]);
    expect(r.errors[0].message).toContain("decimal question with min and max");
  });

  it("exports them as ISO text columns typed time and datetime, with SPSS widths", async () => {
    const cols = exportColumns(def);
    expect(cols.map((c) => [c.name, c.type, c.numeric])).toEqual([["wake", "time", false], ["left_at", "datetime", false]]);
    expect(cols[1].read({ left_at: "2022-05-10T14:30+02:00" })).toBe("2022-05-10T14:30+02:00");
    const entries = cols.map((c) => ({ name: c.name, wave: "", variable: c.variable, type: c.type, label: c.label, values: [], shownWhen: null, numeric: false }));
    const sps = spssSyntax({ entries, csvFile: "x.csv", lang: "en", title: "T" });
    expect(sps).toContain("    wake A5");
    expect(sps).toContain("    left_at A25");
  });
});
