import { describe, expect, it } from "vitest";
import { dateShiftDays, shiftDateValue } from "../../../lib/exports/date-shift";
import { maskPersonalText } from "../../../lib/exports/mask-personal-text";
import type { FrequencyTable } from "../../../lib/reports/build-frequency-table";
import { suppressSmallCells } from "../../../lib/reports/suppress-small-cells";

describe("masking free text", () => {
  it.each([
    ["mail ola.nordmann+x@nav.no now", "mail [email] now"],
    ["ola (at) gmail.com", "[email]"],
    ["ring 412 34 567", "ring [phone]"],
    ["+380 (67) 123-45-67", "[phone]"],
    ["see https://example.org/a?b=c.", "see [url]"],
    ["www.vg.no and t.me/ola", "[url] and [url]"],
    ["I came in 2022 with 3 children, 15 km away", "I came in 2022 with 3 children, 15 km away"],
    ["Ми приїхали у 2022 році", "Ми приїхали у 2022 році"],
  ])("masks %j as %j", (input, out) => expect(maskPersonalText(input)).toBe(out));
});

describe("date shift", () => {
  const key = Buffer.alloc(32, 3);
  it("is stable for a person, never 0, within ±180, and differs between people", () => {
    const ids = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const ds = ids.map((id) => dateShiftDays(key, id));
    expect(ids.map((id) => dateShiftDays(key, id))).toEqual(ds);
    for (const d of ds) expect(d !== 0 && Math.abs(d) <= 180).toBe(true);
    expect(new Set(ds).size).toBeGreaterThan(40);
    expect(dateShiftDays(Buffer.alloc(32, 4), ids[0])).not.toBe(ds[0]);
  });
  it("moves dates, months and times; unreadable values become empty", () => {
    expect(shiftDateValue("2024-02-28", 2, "date")).toBe("2024-03-01");
    expect(shiftDateValue("2024-01", -20, "month")).toBe("2023-12");
    expect(shiftDateValue("2024-01-01T10:00:00.000Z", -1, "datetime")).toBe("2023-12-31T10:00:00.000Z");
    expect(shiftDateValue("last spring", 5, "date")).toBeNull();
  });
});

describe("small-cell suppression", () => {
  const table = (multiple: boolean, counts: number[]): FrequencyTable => ({
    question: "Q", variable: "q", base: "All respondents", n: counts.reduce((a, b) => a + b, 0), multiple, order: "options", footnotes: [],
    rows: counts.map((count, i) => ({ code: `c${i}`, label: `C${i}`, count, percent: 1, marks: [] })),
  });
  it("hides counts from 1 to threshold − 1, keeps zeros and large counts", () => {
    const t = suppressSmallCells(table(true, [0, 3, 12, 4]), 5);
    expect(t.rows.map((r) => r.suppressed ?? false)).toEqual([false, true, false, true]);
    expect(t.rows[1]).toMatchObject({ count: 0, percent: null });
    expect(t.suppressedBelow).toBe(5);
  });
  it("hides a second count when one small count could be recovered from N (single choice)", () => {
    const t = suppressSmallCells(table(false, [2, 30, 9, 0]), 5);
    expect(t.rows.map((r) => r.suppressed ?? false)).toEqual([true, false, true, false]);
  });
});
