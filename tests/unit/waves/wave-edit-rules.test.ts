import { describe, expect, it } from "vitest";
import { deleteRefusal, refusedChanges, reopenRefusal, type EditableWave } from "../../../lib/waves/wave-edit-rules";

const now = new Date("2027-05-01T12:00:00Z");
const h = (hours: number) => new Date(now.getTime() + hours * 3600_000);
const wave = (over: Partial<EditableWave> = {}): EditableWave => ({
  status: "scheduled", opensAt: h(24), closesAt: h(24 * 30), instrumentVersionId: "v1",
  targetRule: { consent: "follow_up_surveys" }, schedule: { reminders: [{ afterDays: 4 }, { afterDays: 10 }], remindIf: "not_completed", closingReminderDaysBefore: 2 },
  ...over,
});
const none = { invitations: 0, sent: 0 };
const sent = { invitations: 40, sent: 40 };
const paths = (w: EditableWave, progress: { invitations: number; sent: number }, change: Parameters<typeof refusedChanges>[2]) =>
  refusedChanges(w, progress, change, now).map((i) => i.path);

describe("what may change on a wave, by its state", () => {
  it("lets everything change before the wave opens", () => {
    expect(paths(wave(), none, {
      name: "Renamed", instrumentVersionId: "v2", opensAt: h(48), closesAt: h(24 * 40), targetRule: { consent: "interview_contact", completedWaveId: "w1" },
      schedule: { reminders: [{ afterDays: 3 }], remindIf: "not_started", closingReminderDaysBefore: null, invitationAt: h(50).toISOString() },
    })).toEqual([]);
  });

  it("refuses a new opening time in the past before it opens", () => {
    expect(paths(wave(), none, { opensAt: h(-1) })).toEqual(["opensAt"]);
  });

  it("never refuses values that did not change (a form sends every field)", () => {
    const w = wave({ status: "open", opensAt: h(-24) });
    expect(paths(w, sent, { name: w.opensAt ? "Same" : "", instrumentVersionId: "v1", opensAt: new Date(w.opensAt!), closesAt: new Date(w.closesAt!), targetRule: { consent: "follow_up_surveys" }, schedule: { ...w.schedule } })).toEqual([]);
    // A schedule with defaults left out is the same schedule.
    expect(paths(wave({ status: "open", schedule: {} }), sent, { schedule: { reminders: [], remindIf: "not_completed", closingReminderDaysBefore: null } })).toEqual([]);
  });

  it("refuses targeting, version and opening changes once invitations went out", () => {
    const w = wave({ status: "open", opensAt: h(-24) });
    expect(paths(w, sent, { targetRule: { consent: "interview_contact" } })).toEqual(["consent"]);
    expect(paths(w, sent, { targetRule: { consent: "follow_up_surveys", completedWaveId: "w1" } })).toEqual(["consent"]);
    expect(paths(w, sent, { instrumentVersionId: "v2" })).toEqual(["instrumentVersionId"]);
    expect(paths(w, sent, { opensAt: h(-12) })).toEqual(["opensAt"]);
    expect(refusedChanges(w, sent, { targetRule: { consent: "interview_contact" } }, now)[0].message).toBe(
      "The targeting cannot change after invitations went out; create a new wave for other people",
    );
  });

  it("lets a running wave close later, never sooner, never in the past, never without a closing time", () => {
    const w = wave({ status: "open", opensAt: h(-24), closesAt: h(24) });
    expect(paths(w, sent, { closesAt: h(24 * 7) })).toEqual([]);
    expect(paths(w, sent, { closesAt: h(12) })).toEqual(["closesAt"]);
    expect(paths(w, sent, { closesAt: null })).toEqual(["closesAt"]);
    expect(paths(wave({ status: "open", opensAt: h(-24), closesAt: null }), sent, { closesAt: h(-1) })).toEqual(["closesAt"]);
    expect(paths(wave({ status: "open", opensAt: h(-24), closesAt: null }), sent, { closesAt: h(1) })).toEqual([]);
  });

  it("lets a running wave get reminders after its existing ones only", () => {
    const w = wave({ status: "open", opensAt: h(-24) });
    const s = (days: number[]) => ({ ...w.schedule, reminders: days.map((afterDays) => ({ afterDays })) });
    expect(paths(w, sent, { schedule: s([4, 10, 14]) })).toEqual([]);
    expect(paths(w, sent, { schedule: s([4, 10, 14, 20]) })).toEqual([]);
    expect(paths(w, sent, { schedule: s([2, 4, 10]) })).toEqual(["schedule.reminderDays"]);
    expect(paths(w, sent, { schedule: s([4]) })).toEqual(["schedule.reminderDays"]);
    expect(paths(w, sent, { schedule: s([4, 12]) })).toEqual(["schedule.reminderDays"]);
    expect(refusedChanges(w, sent, { schedule: s([1]) }, now)[0].message).toContain("after the existing ones (4, 10)");
    // Other parts of the schedule may change; the invitation time only until invitations went out.
    expect(paths(w, sent, { schedule: { ...w.schedule, remindIf: "not_started", closingReminderDaysBefore: 3 } })).toEqual([]);
    expect(paths(w, sent, { schedule: { ...w.schedule, invitationAt: h(2).toISOString() } })).toEqual(["schedule.invitationAt"]);
    expect(paths(w, { invitations: 40, sent: 0 }, { schedule: { ...w.schedule, invitationAt: h(2).toISOString() } })).toEqual([]);
  });

  it("refuses every change to a closed wave, pointing to reopening", () => {
    const w = wave({ status: "closed", opensAt: h(-240), closesAt: h(-24) });
    expect(refusedChanges(w, sent, { closesAt: h(24) }, now)).toEqual([{ path: "status", message: "The wave is closed; reopen it first to change it" }]);
    expect(refusedChanges(w, sent, { name: "x" }, now)).toHaveLength(1);
    expect(refusedChanges(w, sent, {}, now)).toEqual([]);
  });
});

describe("deleting and reopening", () => {
  const free = { invitations: 0, sent: 0, responses: 0, laterWaves: 0, recruitmentRules: 0 };
  it.each<[string, EditableWave["status"], Partial<typeof free>, string | null]>([
    ["a scheduled wave nothing hangs on", "scheduled", {}, null],
    ["an open wave", "open", {}, "The wave is open; close it instead (its answers are kept)"],
    ["a closed wave", "closed", {}, "A closed wave keeps its answers; it cannot be deleted"],
    ["a wave with invitations", "scheduled", { invitations: 3 }, "Invitations or answers exist for this wave; close it instead"],
    ["a wave with answers", "scheduled", { responses: 1 }, "Invitations or answers exist for this wave; close it instead"],
    ["a wave a later wave names", "scheduled", { laterWaves: 1 }, "Another wave invites those who completed this one; change that wave first"],
    ["a wave a recruitment rule names", "scheduled", { recruitmentRules: 1 }, "A recruitment rule uses this wave; change the rule first"],
  ])("deleting %s", (_n, status, usage, why) => {
    expect(deleteRefusal({ status }, { ...free, ...usage })).toBe(why);
  });

  it("reopens only a closed wave, until a time in the future", () => {
    expect(reopenRefusal({ status: "closed" }, h(24), now)).toBeNull();
    expect(reopenRefusal({ status: "closed" }, h(-1), now)?.path).toBe("until");
    expect(reopenRefusal({ status: "closed" }, now, now)?.path).toBe("until");
    expect(reopenRefusal({ status: "open" }, h(24), now)).toEqual({ path: "status", message: "The wave is open; extend its closing time instead" });
    expect(reopenRefusal({ status: "scheduled" }, h(24), now)?.path).toBe("status");
  });
});
