import { describe, expect, it } from "vitest";
import { dueReminders, invitationTime, waveTransition, type WaveTimes } from "../../../lib/waves/wave-state";

const D = 24 * 3600_000;
const t0 = new Date("2023-09-01T08:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * D);
const wave = (w: Partial<WaveTimes> = {}): WaveTimes => ({
  status: "open", opensAt: t0, closesAt: at(30),
  schedule: { reminders: [{ afterDays: 4 }, { afterDays: 10 }], remindIf: "not_completed", closingReminderDaysBefore: 2 }, ...w,
});

describe("wave transitions", () => {
  it.each<[string, Partial<WaveTimes>, number, "open" | "closed" | null]>([
    ["scheduled, before opening", { status: "scheduled" }, -1, null],
    ["scheduled, at opening", { status: "scheduled" }, 0, "open"],
    ["scheduled, already past closing", { status: "scheduled" }, 31, "closed"],
    ["open, before closing", {}, 29, null],
    ["open, at closing", {}, 30, "closed"],
    ["open without a closing time", { closesAt: null }, 400, null],
    ["closed stays closed", { status: "closed" }, 5, null],
  ])("%s", (_n, w, day, to) => {
    expect(waveTransition(wave(w), at(day))).toBe(to);
  });
});

describe("invitation time", () => {
  it("is the scheduled time, else the opening, never in the past", () => {
    expect(invitationTime(wave({ schedule: { invitationAt: at(2).toISOString() } }), at(0))).toEqual(at(2));
    expect(invitationTime(wave(), at(0))).toEqual(t0);
    expect(invitationTime(wave(), at(5))).toEqual(at(5));
  });
});

describe("due reminders", () => {
  it("lists each reminder with its cutoff, highest first", () => {
    const r = dueReminders(wave(), at(12));
    expect(r.regular).toEqual([{ number: 2, sentBefore: at(2) }, { number: 1, sentBefore: at(8) }]);
    expect(r.closing).toBeNull();
  });

  it("switches to the closing reminder in its window and stops regular ones", () => {
    const r = dueReminders(wave(), at(28));
    expect(r.regular).toEqual([]);
    expect(r.closing).toEqual({ sentBefore: at(27) });
  });

  it("sends nothing for a wave that is not open or has closed", () => {
    expect(dueReminders(wave({ status: "scheduled" }), at(5))).toEqual({ regular: [], closing: null });
    expect(dueReminders(wave(), at(30))).toEqual({ regular: [], closing: null });
  });

  it("has no closing reminder without a closing time or days", () => {
    expect(dueReminders(wave({ closesAt: null }), at(100)).closing).toBeNull();
    expect(dueReminders(wave({ schedule: { reminders: [], closingReminderDaysBefore: null } }), at(29))).toEqual({ regular: [], closing: null });
  });
});
