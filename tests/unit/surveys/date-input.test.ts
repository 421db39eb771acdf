// Month and date questions typed into separate fields (GOV.UK pattern): every accepted shape,
// the error that says which part to fix, and the stored ISO value unchanged.
import { describe, expect, it } from "vitest";
import { collectDateParts, dateFieldValues, joinDateParts, parseDateInput, parseMonthInput } from "../../../lib/surveys/date-input";
import { coerceAnswer } from "../../../lib/surveys/coerce";
import type { Question } from "../../../lib/surveys/definition";

const month = (m: string, y: string) => parseMonthInput(joinDateParts("month", { month: m, year: y }));
const date = (d: string, m: string, y: string) => parseDateInput(joinDateParts("date", { day: d, month: m, year: y }));

describe("month fields", () => {
  it.each([
    ["3", "2023"], ["03", "2023"], [" 3 ", " 2023 "], ["03.2023", ""], ["3/2023", ""], ["3-2023", ""], ["3 2023", ""], ["2023-03", ""],
  ])("month %j year %j → 2023-03", (m, y) => expect(month(m, y)).toEqual({ value: "2023-03" }));

  it.each([
    ["", "2023", "monthPart"], ["13", "2023", "monthPart"], ["0", "2023", "monthPart"], ["mar", "2023", "monthPart"],
    ["3", "", "yearPart"], ["3", "23", "yearPart"], ["3", "20233", "yearPart"], ["3.23", "", "yearPart"], ["1/2/2023", "", "month"],
  ])("month %j year %j → %s", (m, y, error) => expect(month(m, y)).toEqual({ error }));

  it("is unanswered when every field is empty", () => expect(joinDateParts("month", { month: " ", year: "" })).toBe(""));
});

describe("date fields", () => {
  it.each([
    ["10", "5", "2022"], ["10", "05", "2022"], ["10.05.2022", "", ""], ["10/5/2022", "", ""], ["10", "5.2022", ""], ["10", "5/2022", ""], ["2022-05-10", "", ""],
  ])("day %j month %j year %j → 2022-05-10", (d, m, y) => expect(date(d, m, y)).toEqual({ value: "2022-05-10" }));

  it.each([
    ["", "5", "2022", "dayPart"], ["32", "5", "2022", "dayPart"], ["10", "", "2022", "monthPart"], ["10", "13", "2022", "monthPart"],
    ["10", "5", "", "yearPart"], ["31", "4", "2022", "dateReal"], ["29", "2", "2023", "dateReal"],
  ])("day %j month %j year %j → %s", (d, m, y, error) => expect(date(d, m, y)).toEqual({ error }));

  it("accepts 29 February in a leap year", () => expect(date("29", "2", "2024")).toEqual({ value: "2024-02-29" }));
});

describe("a posted form", () => {
  it("joins each question's fields into one value and leaves other entries alone", () => {
    expect(collectDateParts({ arrived: "03.2023", "arrived:month": "3", "arrived:year": "2023", "born:day": "10", "born:month": "5", "born:year": "2022", other: ["a"] }))
      .toEqual({ arrived: "3/2023", born: "10/5/2022", other: ["a"] });
  });

  it("coerces to the stored ISO form, unchanged for ISO input (earlier answers, the API)", () => {
    const q = (type: "month" | "date") => ({ name: "x", type, label: { en: "X" } }) as unknown as Question;
    expect(coerceAnswer(q("month"), "3/2023")).toEqual({ value: "2023-03" });
    expect(coerceAnswer(q("month"), "2023-03")).toEqual({ value: "2023-03" });
    expect(coerceAnswer(q("date"), "2022-05-10")).toEqual({ value: "2022-05-10" });
    expect(coerceAnswer(q("date"), "31/4/2022")).toEqual({ error: "dateReal" });
  });

  it("fills the fields from a stored answer", () => {
    expect(dateFieldValues("2023-03")).toMatchObject({ day: "", month: "3", year: "2023" });
    expect(dateFieldValues("2022-05-10")).toMatchObject({ day: "10", month: "5", year: "2022" });
    expect(dateFieldValues(undefined)).toMatchObject({ day: "", month: "", year: "" });
  });
});
