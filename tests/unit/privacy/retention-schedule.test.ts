// The retention schedule: months after the end date (a day past a month's end clamps to its last
// day), due at midnight in the study's zone of the day after; answers only when set.
import { describe, expect, it } from "vitest";
import { addMonths, retentionOf, retentionSchedule } from "../../../lib/privacy/retention";

describe("retention schedule", () => {
  it("adds whole months, clamping to the month's last day", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2023-12-31", 6)).toBe("2024-06-30");
    expect(addMonths("2023-11-15", 14)).toBe("2025-01-15");
    expect(addMonths("2023-11-15", 0)).toBe("2023-11-15");
  });

  it("is due at the start of the next day in the study's time zone", () => {
    const s = retentionSchedule({ timeZone: "Europe/Oslo", retention: { endDate: "2023-12-31", contactMonths: 0, answersMonths: 12 } });
    expect(s.map((e) => [e.group, e.due.toISOString()])).toEqual([
      ["contact", "2023-12-31T23:00:00.000Z"],
      ["mailbox", "2023-12-31T23:00:00.000Z"],
      ["answers", "2024-12-31T23:00:00.000Z"],
    ]);
    expect(s[0].tables).toContain("contacts");
    expect(s[2].tables).toContain("responses");
  });

  it("has no schedule without settings or with settings that do not parse", () => {
    expect(retentionSchedule({})).toEqual([]);
    expect(retentionOf({ retention: { endDate: "31.12.2023", contactMonths: 6 } })).toBeNull();
    expect(retentionSchedule({ retention: { endDate: "2023-12-31", contactMonths: 6 } }).map((e) => e.group)).toEqual(["contact", "mailbox"]);
  });
});
