import { describe, expect, it } from "vitest";
import { parseReminderDays, toWaveSettings, waveFormDefaults, waveFormSchema, type WaveFormValues } from "../../../lib/waves/wave-schema";

const valid: WaveFormValues = {
  ...waveFormDefaults,
  name: "Wave 2 (2023)",
  slug: "wave-2",
  instrumentVersionId: "0f8fad5b-d9cb-469f-a165-70867728950e",
  opensAt: "2023-09-01T08:00:00.000Z",
  closesAt: "2023-10-01T08:00:00.000Z",
};

function issues(v: Partial<WaveFormValues>) {
  const r = waveFormSchema.safeParse({ ...valid, ...v });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("the wave form schema", () => {
  it("accepts a complete panel wave and turns it into a rule and schedule", () => {
    expect(issues({})).toEqual({});
    const s = toWaveSettings(waveFormSchema.parse(valid));
    expect(s.targetRule).toEqual({ consent: "follow_up_surveys", excludeBounced: true });
    expect(s.schedule).toEqual({ reminders: [{ afterDays: 4 }, { afterDays: 10 }], remindIf: "not_completed", closingReminderDaysBefore: 2 });
  });

  it.each<[string, Partial<WaveFormValues>, string]>([
    ["closing before opening", { closesAt: "2023-08-01T00:00:00Z" }, "closesAt"],
    ["invitations before opening", { invitationAt: "2023-08-31T00:00:00Z" }, "invitationAt"],
    ["invitations after closing", { invitationAt: "2023-10-02T00:00:00Z" }, "invitationAt"],
    ["reminder days not increasing", { reminderDays: "7, 3" }, "reminderDays"],
    ["a reserved slug", { slug: "new" }, "slug"],
    ["an unsafe slug", { slug: "Wave 2" }, "slug"],
    ["no opening time", { opensAt: "" }, "opensAt"],
    ["a closing reminder with no closing time", { closesAt: "" }, "closingReminderDaysBefore"],
    ["a panel wave with no consent", { consent: "" }, "consent"],
    ["a rate of zero", { sendRatePerSecond: "0" }, "sendRatePerSecond"],
  ])("puts %s on its field", (_n, v, field) => {
    expect(Object.keys(issues(v))).toContain(field);
  });

  it("parses reminder days", () => {
    expect(parseReminderDays("")).toEqual([]);
    expect(parseReminderDays("3, 7 14")).toEqual([3, 7, 14]);
    expect(parseReminderDays("0")).toBeNull();
    expect(parseReminderDays("2.5")).toBeNull();
  });
});
