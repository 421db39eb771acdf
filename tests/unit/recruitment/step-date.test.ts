// The future-date rule of recruitment steps, in the study's time zone.
import { describe, expect, it } from "vitest";
import { isRealDay, stepMoment } from "../../../lib/recruitment/step-date";

describe("the day a recruitment step happened", () => {
  // 23:30 UTC on 4 December is already 5 December in Oslo (UTC+1).
  const now = new Date("2026-12-04T23:30:00Z");

  it("takes today in the study's zone, not UTC's, and stores today as now", () => {
    expect(stepMoment("2026-12-05", now, "Europe/Oslo")).toBe(now);
    expect(() => stepMoment("2026-12-05", now, "UTC")).toThrow(/Check the date/);
    expect(stepMoment("2026-12-04", now, "UTC")).toBe(now);
  });

  it("refuses a day after today, naming the field and today's date in that zone", () => {
    try {
      stepMoment("2026-12-06", now, "Europe/Oslo", "at");
      expect.fail("a future day was accepted");
    } catch (e) {
      expect(e).toMatchObject({ status: 422, issues: [{ path: "at", message: "The date cannot be in the future (today is 2026-12-05 in Europe/Oslo)" }] });
    }
  });

  it("stores an earlier day at its noon UTC, never later than now", () => {
    expect(stepMoment("2026-11-30", now, "Europe/Oslo").toISOString()).toBe("2026-11-30T12:00:00.000Z");
    expect(stepMoment(undefined, now, "Europe/Oslo")).toBe(now);
  });

  it("refuses days that do not exist", () => {
    expect(isRealDay("2023-02-29")).toBe(false);
    expect(isRealDay("2024-02-29")).toBe(true);
    expect(isRealDay("2024-13-01")).toBe(false);
    expect(() => stepMoment("2023-02-30", now, "Europe/Oslo")).toThrow(/Check the date/);
  });
});
