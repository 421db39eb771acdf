// Dates in a panel file are never guessed: ISO always, a chosen format, or one possible reading.
import { describe, expect, it } from "vitest";
import { readImportDate } from "../../../lib/panel/date-format";

const day = (text: string, format: Parameters<typeof readImportDate>[1] = null) => {
  const r = readImportDate(text, format);
  return r.ok ? r.date.toISOString().slice(0, 10) : r;
};

describe("readImportDate", () => {
  it("always reads ISO dates and ISO times with a zone, whatever format is chosen", () => {
    expect(day("2025-01-12")).toBe("2025-01-12");
    expect(day("2025-01-12", "MM/DD/YYYY")).toBe("2025-01-12");
    expect(day("2025-01-12T23:30:00+02:00")).toBe("2025-01-12");
    expect(readImportDate("2025-01-12T10:00:00Z", null)).toEqual({ ok: true, date: new Date("2025-01-12T10:00:00Z") });
  });

  it("refuses ISO dates that are not calendar days and local times without a zone", () => {
    expect(day("2025-02-30")).toMatchObject({ ok: false, ambiguous: false });
    expect(day("2025-01-12T10:00")).toMatchObject({ ok: false });
  });

  it("refuses a date that could be day/month or month/day unless the format is chosen", () => {
    expect(day("12.01.2025")).toEqual({ ok: false, ambiguous: true, message: '"12.01.2025" could be day/month or month/day; choose the file\'s date format' });
    expect(day("03/04/2024")).toMatchObject({ ok: false, ambiguous: true });
    expect(day("12.01.2025", "DD.MM.YYYY")).toBe("2025-01-12");
    expect(day("12/01/2025", "MM/DD/YYYY")).toBe("2025-12-01");
    expect(day("12/01/2025", "DD/MM/YYYY")).toBe("2025-01-12");
  });

  it("reads a date with only one possible reading, and the same day twice (05.05.) without a format", () => {
    expect(day("25.01.2025")).toBe("2025-01-25");
    expect(day("01/25/2025")).toBe("2025-01-25");
    expect(day("05.05.2025")).toBe("2025-05-05");
  });

  it("refuses a date in another format than the one chosen, and dates that do not exist", () => {
    expect(day("12/01/2025", "DD.MM.YYYY")).toMatchObject({ ok: false, message: '"12/01/2025" is not in the chosen format DD.MM.YYYY' });
    expect(day("25/01/2025", "MM/DD/YYYY")).toMatchObject({ ok: false, message: expect.stringContaining("not a calendar date") });
    expect(day("12.01.2025", "YYYY-MM-DD")).toMatchObject({ ok: false });
    expect(day("31.04.2025")).toMatchObject({ ok: false, ambiguous: false });
    expect(day("29.02.2023", "DD.MM.YYYY")).toMatchObject({ ok: false });
    expect(day("29.02.2024", "DD.MM.YYYY")).toBe("2024-02-29");
  });

  it("refuses what is not a date: words, two-digit years, Excel serial numbers typed as text", () => {
    for (const t of ["Jan 12 2025", "12.01.25", "45667", "yesterday"]) expect(day(t)).toMatchObject({ ok: false, ambiguous: false });
  });
});
