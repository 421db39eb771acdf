import { describe, expect, it } from "vitest";
import { Conflict, InvalidInput } from "../../../lib/errors/app-error";
import {
  onFormFields, reminderDaysOf, toNewWaveCommand, waveFormDefaults, waveFormSchema, waveFormValues, type WaveFormValues,
} from "../../../app/(staff)/studies/[slug]/waves/wave-form-values";
import { newWaveCommandSchema, toWaveSettings, type NewWaveCommand } from "../../../lib/waves/wave-schema";

const valid: WaveFormValues = {
  ...waveFormDefaults,
  name: "Wave 2 (2023)",
  slug: "wave-2",
  instrumentVersionId: "0f8fad5b-d9cb-469f-a165-70867728950e",
  opensAt: "2023-09-01T10:00",
  closesAt: "2023-10-01T10:00",
};
/** The form's times are wall-clock times in the study's zone: 10:00 in Oslo in summer is 08:00 UTC. */
const TZ = "Europe/Oslo";

function issues(v: Partial<WaveFormValues>) {
  const r = waveFormSchema(TZ).safeParse({ ...valid, ...v });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
}

const command: NewWaveCommand = {
  name: "Wave 2 (2023)", slug: "wave-2", instrumentVersionId: "0f8fad5b-d9cb-469f-a165-70867728950e", mode: "panel",
  opensAt: new Date("2023-09-01T08:00:00Z"), closesAt: new Date("2023-10-01T08:00:00Z"), consent: "follow_up_surveys", completedWaveId: null,
  schedule: { invitationAt: null, reminderDays: [4, 10], remindIf: "not_completed", closingReminderDaysBefore: 2, sendRatePerSecond: null },
};

function commandIssues(v: Partial<NewWaveCommand>, schedule: Partial<NewWaveCommand["schedule"]> = {}) {
  const r = newWaveCommandSchema.safeParse({ ...command, ...v, schedule: { ...command.schedule, ...schedule } });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("the new-wave command", () => {
  it("accepts a complete panel wave and turns it into a rule and schedule", () => {
    expect(commandIssues({})).toEqual({});
    const s = toWaveSettings(newWaveCommandSchema.parse(command));
    expect(s.targetRule).toEqual({ consent: "follow_up_surveys" });
    expect(s.schedule).toEqual({ reminders: [{ afterDays: 4 }, { afterDays: 10 }], remindIf: "not_completed", closingReminderDaysBefore: 2 });
  });

  it.each<[string, Partial<NewWaveCommand>, Partial<NewWaveCommand["schedule"]>, string]>([
    ["closing before opening", { closesAt: new Date("2023-08-01T00:00:00Z") }, {}, "closesAt"],
    ["invitations before opening", {}, { invitationAt: new Date("2023-08-31T00:00:00Z") }, "schedule.invitationAt"],
    ["invitations after closing", {}, { invitationAt: new Date("2023-10-02T00:00:00Z") }, "schedule.invitationAt"],
    ["reminder days not increasing", {}, { reminderDays: [7, 3] }, "schedule.reminderDays"],
    ["a reminder day that is not whole", {}, { reminderDays: [2.5] }, "schedule.reminderDays"],
    ["six reminders", {}, { reminderDays: [1, 2, 3, 4, 5, 6] }, "schedule.reminderDays"],
    ["a closing reminder with no closing time", { closesAt: null }, {}, "schedule.closingReminderDaysBefore"],
    ["a rate of zero", {}, { sendRatePerSecond: 0 }, "schedule.sendRatePerSecond"],
    ["an invalid opening time", { opensAt: new Date("no") }, {}, "opensAt"],
    ["a panel wave with no consent", { consent: "" }, {}, "consent"],
  ])("names %s by its path in the command", (_n, v, schedule, path) => {
    expect(Object.keys(commandIssues(v, schedule))).toContain(path);
  });

  it("asks for a missing short name instead of naming the pattern, and names the pattern otherwise", () => {
    const messages = (slug: string) => newWaveCommandSchema.safeParse({ ...command, slug }).error?.issues.filter((i) => i.path[0] === "slug").map((i) => i.message);
    expect(messages("  ")).toEqual(["Give the wave a short name for its links, e.g. wave-2"]);
    expect(messages("Wave 2")).toEqual(["Lower-case letters, digits and dashes only"]);
    expect(messages("wave-2")).toBeUndefined();
  });
});

describe("the wave form", () => {
  it("accepts a complete panel wave and maps it to the command", () => {
    expect(issues({})).toEqual({});
    expect(toNewWaveCommand(valid, TZ)).toEqual({ ...command, name: "Wave 2 (2023)" });
  });

  it.each<[string, Partial<WaveFormValues>, string]>([
    ["closing before opening", { closesAt: "2023-08-01T00:00" }, "closesAt"],
    ["closing at the opening time", { closesAt: "2023-09-01T10:00" }, "closesAt"],
    ["invitations before opening", { invitationAt: "2023-09-01T09:59" }, "invitationAt"],
    ["invitations after closing", { invitationAt: "2023-10-02T00:00" }, "invitationAt"],
    ["a time with seconds and a zone (not what the form sends)", { opensAt: "2023-09-01T08:00:00Z" }, "opensAt"],
    ["reminder days not increasing", { reminderDays: "7, 3" }, "reminderDays"],
    ["a reminder day of zero", { reminderDays: "0" }, "reminderDays"],
    ["a reminder day that is not whole", { reminderDays: "2.5" }, "reminderDays"],
    ["a reserved slug", { slug: "new" }, "slug"],
    ["an unsafe slug", { slug: "Wave 2" }, "slug"],
    ["no opening time", { opensAt: "" }, "opensAt"],
    ["an opening time that is no date", { opensAt: "soon" }, "opensAt"],
    ["a closing reminder with no closing time", { closesAt: "" }, "closingReminderDaysBefore"],
    ["a panel wave with no consent", { consent: "" }, "consent"],
    ["a rate of zero", { sendRatePerSecond: "0" }, "sendRatePerSecond"],
    ["a rate that is no number", { sendRatePerSecond: "fast" }, "sendRatePerSecond"],
  ])("puts %s on its field", (_n, v, field) => {
    expect(Object.keys(issues(v))).toContain(field);
  });

  it("reads reminder days as the researcher types them", () => {
    expect(reminderDaysOf("")).toEqual([]);
    expect(reminderDaysOf("3, 7 14")).toEqual([3, 7, 14]);
    expect(issues({ reminderDays: "3, 7 14" })).toEqual({});
  });

  it("names the domain's issues by the form's field ids on the server too", async () => {
    const refused = new InvalidInput("Check the highlighted fields", [
      { path: "schedule.reminderDays", message: "Give whole days, increasing, e.g. 3, 7 (1–90)" },
      { path: "instrumentVersionId", message: "Choose a version of this study's questionnaire" },
    ]);
    const e = await onFormFields(() => Promise.reject(refused)).catch((x) => x);
    expect(e).toBeInstanceOf(InvalidInput);
    expect(e.issues.map((i: { path: string }) => i.path)).toEqual(["reminderDays", "instrumentVersionId"]);
  });
});

describe("the wave form's times, in the study's zone", () => {
  it("reads the same typed time as different instants in different study zones", () => {
    expect(toNewWaveCommand(valid, "Europe/Oslo").opensAt.toISOString()).toBe("2023-09-01T08:00:00.000Z");
    expect(toNewWaveCommand(valid, "America/New_York").opensAt.toISOString()).toBe("2023-09-01T14:00:00.000Z");
    expect(toNewWaveCommand(valid, "Asia/Kolkata").opensAt.toISOString()).toBe("2023-09-01T04:30:00.000Z");
  });

  it("shows a stored wave's times back in the study's zone, so an edit changes nothing", () => {
    const stored = toWaveSettings(newWaveCommandSchema.parse(toNewWaveCommand({ ...valid, invitationAt: "2023-09-02T07:30" }, TZ)));
    const values = waveFormValues({ ...stored, id: "x", studyId: "y", position: 1, status: "scheduled", createdAt: new Date() }, TZ);
    expect(values).toMatchObject({ opensAt: "2023-09-01T10:00", closesAt: "2023-10-01T10:00", invitationAt: "2023-09-02T07:30", reminderDays: "4, 10" });
    expect(toNewWaveCommand(values, TZ)).toEqual(toNewWaveCommand({ ...valid, invitationAt: "2023-09-02T07:30" }, TZ));
  });

  it("renames a refused change's fields for the form and keeps it a conflict", async () => {
    const e = await onFormFields(() => Promise.reject(new Conflict("no", [{ path: "schedule.reminderDays", message: "only added" }]))).catch((x) => x);
    expect(e).toBeInstanceOf(Conflict);
    expect(e.issues).toEqual([{ path: "reminderDays", message: "only added" }]);
  });
});

describe("the new-wave form as a new team leaves it", () => {
  // The form's default closing reminder (2 days) meets an empty (optional) closing time: the
  // message on that field says both ways out, not only what is wrong.
  it("says how to fix a default closing reminder without a closing time", () => {
    expect(issues({ closesAt: "" })).toEqual({ closingReminderDaysBefore: "A closing reminder needs a closing time: give one, or leave this field empty" });
  });
});
