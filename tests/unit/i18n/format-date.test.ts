// The one date formatter: each named format in every respondent language and in the study's zone.
import { describe, expect, it } from "vitest";
import { formatDate, isoDay, type DateFormat } from "../../../lib/i18n/format-date";
import { DEFAULT_TIME_ZONE, studyTimeZone } from "../../../lib/i18n/study-time-zone";
import { RESPONDENT_LANGUAGES } from "../../../lib/i18n/respondent-messages";

// 23:05:09 UTC on 10 January 2027: already the 11th in Oslo and in Auckland.
const at = new Date("2027-01-10T23:05:09Z");

const expected: Record<string, Record<DateFormat, string>> = {
  uk: { long: "10 січня 2027", day: "2027-01-10", minute: "2027-01-10 23:05", second: "2027-01-10 23:05:09" },
  ru: { long: "10 января 2027", day: "2027-01-10", minute: "2027-01-10 23:05", second: "2027-01-10 23:05:09" },
  nb: { long: "10. januar 2027", day: "2027-01-10", minute: "2027-01-10 23:05", second: "2027-01-10 23:05:09" },
  en: { long: "10 January 2027", day: "2027-01-10", minute: "2027-01-10 23:05", second: "2027-01-10 23:05:09" },
};

describe("formatDate", () => {
  for (const language of RESPONDENT_LANGUAGES) {
    for (const format of ["long", "day", "minute", "second"] as const) {
      it(`writes ${format} in ${language}`, () => {
        expect(formatDate(at, format, { language, timeZone: "UTC" })).toBe(expected[language][format]);
      });
    }
  }

  it("writes the date and time of the zone it is given", () => {
    expect(formatDate(at, "long", { language: "uk", timeZone: "Europe/Oslo" })).toBe("11 січня 2027");
    expect(formatDate(at, "minute", { timeZone: "Pacific/Auckland" })).toBe("2027-01-11 12:05");
    expect(formatDate(at, "second", { timeZone: "America/Los_Angeles" })).toBe("2027-01-10 15:05:09");
    expect(isoDay(at, "Pacific/Auckland")).toBe("2027-01-11");
  });

  it("writes midnight as 00, never 24", () => {
    expect(formatDate(new Date("2027-01-10T23:00:00Z"), "second", { timeZone: "Europe/Oslo" })).toBe("2027-01-11 00:00:00");
  });

  it("never ends a sentence that ends with a date with a doubled full stop (р.. / г..)", () => {
    for (const language of RESPONDENT_LANGUAGES) {
      const sentence = `${formatDate(at, "long", { language, timeZone: "Europe/Oslo" })}.`;
      expect(sentence, language).not.toMatch(/\.\.$/);
    }
  });

  it("falls back to English for a language it has no words for", () => {
    expect(formatDate(at, "long", { language: "de", timeZone: "UTC" })).toBe("10 January 2027");
  });
});

describe("isoDay", () => {
  it("turns at local midnight, also in zones with quarter-hour offsets, however the calls are ordered", () => {
    const days = (iso: string[], zone: string) => iso.map((i) => isoDay(new Date(i), zone));
    // Oslo, winter (+1): midnight is 23:00 UTC.
    expect(days(["2027-01-09T22:59:59.999Z", "2027-01-09T23:00:00Z", "2027-01-09T22:59:30Z", "2027-01-09T23:00:59Z"], "Europe/Oslo")).toEqual(["2027-01-09", "2027-01-10", "2027-01-09", "2027-01-10"]);
    // Kathmandu (+5:45): midnight is 18:15 UTC; the same UTC minute asked in two zones.
    expect(days(["2027-01-09T18:14:59Z", "2027-01-09T18:15:00Z", "2027-01-09T18:15:30Z"], "Asia/Kathmandu")).toEqual(["2027-01-09", "2027-01-10", "2027-01-10"]);
    expect(isoDay(new Date("2027-01-09T18:15:30Z"), "UTC")).toBe("2027-01-09");
    expect(isoDay(new Date("2027-01-09T18:15:40Z"), "Asia/Kathmandu")).toBe("2027-01-10");
  });

  it("is right inside a minute for old dates, whose zones had offsets in seconds", () => {
    // Dublin in 1900 was UTC−0:25:21: midnight of 2 January came at 00:25:21 UTC.
    expect(isoDay(new Date("1900-01-02T00:25:10Z"), "Europe/Dublin")).toBe("1900-01-01");
    expect(isoDay(new Date("1900-01-02T00:25:30Z"), "Europe/Dublin")).toBe("1900-01-02");
    expect(isoDay(new Date("1900-01-02T00:25:10Z"), "Europe/Dublin")).toBe("1900-01-01");
  });
});

describe("studyTimeZone", () => {
  it("is the study's settings.timeZone, else the default", () => {
    expect(studyTimeZone({ timeZone: "Pacific/Auckland" })).toBe("Pacific/Auckland");
    expect(studyTimeZone({})).toBe(DEFAULT_TIME_ZONE);
    expect(studyTimeZone(null)).toBe(DEFAULT_TIME_ZONE);
    expect(studyTimeZone({ timeZone: 3 })).toBe(DEFAULT_TIME_ZONE);
  });
});
