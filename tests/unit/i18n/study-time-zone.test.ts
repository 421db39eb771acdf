import { describe, expect, it } from "vitest";
import { formatDate } from "../../../lib/i18n/format-date";
import { instantToWallTime, studyTimeZone, wallTimeToInstant } from "../../../lib/i18n/study-time-zone";

const at = (wall: string, tz: string) => wallTimeToInstant(wall, tz)?.toISOString() ?? null;

describe("times typed in the study's time zone", () => {
  it.each([
    ["2027-01-10T09:00", "Europe/Oslo", "2027-01-10T08:00:00.000Z"],
    ["2027-07-10T09:00", "Europe/Oslo", "2027-07-10T07:00:00.000Z"],
    ["2027-07-10T09:00", "America/New_York", "2027-07-10T13:00:00.000Z"],
    ["2027-01-10T09:00", "Asia/Kolkata", "2027-01-10T03:30:00.000Z"],
    ["2027-01-10T09:00", "Pacific/Chatham", "2027-01-09T19:15:00.000Z"],
    ["2027-12-31T23:59", "UTC", "2027-12-31T23:59:00.000Z"],
    ["2028-02-29T00:00", "Europe/Kyiv", "2028-02-28T22:00:00.000Z"],
  ])("reads %s in %s as %s", (wall, tz, iso) => {
    expect(at(wall, tz)).toBe(iso);
  });

  it("round-trips every half hour of the year's DST weeks, in zones north and south", () => {
    for (const tz of ["Europe/Oslo", "America/New_York", "Australia/Sydney", "Europe/Kyiv", "UTC"]) {
      for (const start of ["2027-03-25T00:00:00Z", "2027-10-28T00:00:00Z", "2027-04-01T00:00:00Z", "2027-11-04T00:00:00Z"]) {
        for (let t = Date.parse(start); t < Date.parse(start) + 5 * 86_400_000; t += 30 * 60_000) {
          const wall = instantToWallTime(new Date(t), tz);
          const back = wallTimeToInstant(wall, tz)!;
          // An instant in the repeated autumn hour reads back as the first of the two.
          expect(instantToWallTime(back, tz)).toBe(wall);
          expect(back.getTime() <= t && t - back.getTime() <= 3600_000).toBe(true);
        }
      }
    }
  });

  it("takes the first of a time that happens twice when the clocks go back", () => {
    // Oslo, 31 October 2027: 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC.
    expect(at("2027-10-31T02:30", "Europe/Oslo")).toBe("2027-10-31T00:30:00.000Z");
    expect(at("2027-11-07T01:30", "America/New_York")).toBe("2027-11-07T05:30:00.000Z");
  });

  it("moves a time that never happens when the clocks go forward one hour on", () => {
    // Oslo, 28 March 2027: the clocks jump from 02:00 to 03:00; 02:30 is read as 03:30.
    const gap = wallTimeToInstant("2027-03-28T02:30", "Europe/Oslo")!;
    expect(gap.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(instantToWallTime(gap, "Europe/Oslo")).toBe("2027-03-28T03:30");
    expect(at("2027-03-28T02:00", "Europe/Oslo")).toBe("2027-03-28T01:00:00.000Z");
    expect(at("2027-03-28T03:00", "Europe/Oslo")).toBe("2027-03-28T01:00:00.000Z");
  });

  it("refuses what is not a datetime-local value or not a date", () => {
    for (const bad of ["", "soon", "2027-02-30T09:00", "2027-13-01T09:00", "2027-01-10T24:00", "2027-01-10T09:60", "2027-01-10T09:00:00Z", "2027-01-10"]) {
      expect(wallTimeToInstant(bad, "Europe/Oslo")).toBeNull();
    }
  });

  it("shows an instant as the study's clocks show it, as the page's formatter does", () => {
    const d = new Date("2027-06-01T22:30:00Z");
    expect(instantToWallTime(d, "Europe/Oslo")).toBe("2027-06-02T00:30");
    expect(formatDate(d, "minute", { timeZone: "Europe/Oslo" })).toBe("2027-06-02 00:30");
    expect(instantToWallTime(d, studyTimeZone({}))).toBe("2027-06-02T00:30");
  });
});
