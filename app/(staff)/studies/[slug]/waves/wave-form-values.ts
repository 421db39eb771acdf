// The wave screens' forms: the strings of their inputs, mapped to the domain's wave commands, and
// the commands' issues named by the forms' field ids (schedule.reminderDays → reminderDays). Times
// are wall-clock times in the study's time zone ("2027-01-10T09:00", a datetime-local value),
// whatever zone the browser is in. Shared by the browser (react-hook-form, so a field shows its
// problem at once) and the server actions (which read the same fields from a plain form POST).
import { z } from "zod";
import type { WaveRow } from "../../../../../db/queries/waves";
import type { WaveSchedule } from "../../../../../db/schema/waves";
import { Conflict, InvalidInput } from "../../../../../lib/errors/app-error";
import { instantToWallTime, wallTimeToInstant } from "../../../../../lib/i18n/study-time-zone";
import {
  newWaveCommandSchema, waveScheduleCommandSchema, type NewWaveCommand, type WaveScheduleCommand,
} from "../../../../../lib/waves/wave-schema";

const scheduleFields = {
  invitationAt: z.string(),
  reminderDays: z.string(),
  remindIf: z.enum(["not_started", "not_completed"]),
  closingReminderDaysBefore: z.string(),
  sendRatePerSecond: z.string(),
};

const waveFields = {
  ...scheduleFields,
  name: z.string(),
  slug: z.string(),
  instrumentVersionId: z.string(),
  mode: z.enum(["open_link", "panel"]),
  opensAt: z.string(),
  closesAt: z.string(),
  consent: z.string(),
  completedWaveId: z.string(),
};

/** The fields' shape alone (the server action's first check of what the browser sent). */
export const scheduleFieldsShape = z.object(scheduleFields);
export const waveFieldsShape = z.object(waveFields);

export type ScheduleFields = z.infer<typeof scheduleFieldsShape>;
export type WaveFormValues = z.infer<typeof waveFieldsShape>;

/** A wall time in the zone as an instant; an empty field is null, a malformed one an invalid date (for the command to name). */
const dateOrNull = (s: string, timeZone: string) => (s.trim() ? wallTimeToInstant(s, timeZone) ?? new Date(NaN) : null);
const numberOrNull = (s: string) => (s.trim() ? Number(s.trim()) : null);

/** "3, 7" → [3, 7]; whether they are whole, increasing days is the command's to say. */
export const reminderDaysOf = (s: string): number[] => s.split(/[,\s]+/).filter(Boolean).map(Number);

export function toScheduleCommand(v: ScheduleFields, timeZone: string): WaveScheduleCommand {
  return {
    invitationAt: dateOrNull(v.invitationAt, timeZone),
    reminderDays: reminderDaysOf(v.reminderDays),
    remindIf: v.remindIf,
    closingReminderDaysBefore: numberOrNull(v.closingReminderDaysBefore),
    sendRatePerSecond: numberOrNull(v.sendRatePerSecond),
  };
}

export function toNewWaveCommand(v: WaveFormValues, timeZone: string): NewWaveCommand {
  return {
    name: v.name, slug: v.slug, instrumentVersionId: v.instrumentVersionId, mode: v.mode,
    // An empty opening time goes as null, for the command to name ("Give an opening time").
    opensAt: dateOrNull(v.opensAt, timeZone) as Date, closesAt: dateOrNull(v.closesAt, timeZone),
    consent: v.consent, completedWaveId: v.completedWaveId.trim() || null, schedule: toScheduleCommand(v, timeZone),
  };
}

/** A command's issue path as the form's field id. */
export function formFieldOf(path: string): string {
  return path.replace(/^schedule\./, "").split(".")[0];
}

/** Runs a wave command (on the server) and names its issues (invalid input, refused changes) by the form's field ids. */
export async function onFormFields<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof InvalidInput || e instanceof Conflict) || e.issues.length === 0) throw e;
    const issues = e.issues.map((i) => ({ ...i, path: formFieldOf(i.path) }));
    throw e instanceof Conflict ? new Conflict(e.message, issues) : new InvalidInput(e.message, issues);
  }
}

function commandIssues(schema: z.ZodType, command: unknown, ctx: z.RefinementCtx) {
  const r = schema.safeParse(command);
  if (r.success) return;
  for (const i of r.error.issues) ctx.addIssue({ code: "custom", path: [formFieldOf(i.path.join("."))], message: i.message });
}

/** The schedule form's check in the browser, times read in the study's zone. */
export const scheduleFieldsSchema = (timeZone: string) =>
  scheduleFieldsShape.superRefine((v, ctx) => commandIssues(waveScheduleCommandSchema, toScheduleCommand(v, timeZone), ctx));
/** The wave form's check in the browser, times read in the study's zone. */
export const waveFormSchema = (timeZone: string) =>
  waveFieldsShape.superRefine((v, ctx) => commandIssues(newWaveCommandSchema, toNewWaveCommand(v, timeZone), ctx));

export const waveFormDefaults: WaveFormValues = {
  name: "",
  slug: "",
  instrumentVersionId: "",
  mode: "panel",
  opensAt: "",
  closesAt: "",
  consent: "follow_up_surveys",
  completedWaveId: "",
  invitationAt: "",
  reminderDays: "4, 10",
  remindIf: "not_completed",
  closingReminderDaysBefore: "2",
  sendRatePerSecond: "",
};

/**
 * A posted form's fields as the form's values: fields the form did not show (an open-link wave has
 * no reminders) keep their defaults, anything else that is not a string is dropped.
 */
export function postedValues<T extends Record<string, string>>(form: FormData, defaults: T): T {
  const out: Record<string, string> = { ...defaults };
  for (const k of Object.keys(defaults)) {
    const v = form.get(k);
    if (typeof v === "string") out[k] = v;
  }
  return out as T;
}

const wall = (d: Date | string | null | undefined, timeZone: string) => (d ? instantToWallTime(new Date(d), timeZone) : "");

/** The schedule form's values for a stored schedule, times in the study's zone. */
export function scheduleFormValues(s: WaveSchedule, timeZone: string): ScheduleFields {
  return {
    invitationAt: wall(s.invitationAt, timeZone),
    reminderDays: (s.reminders ?? []).map((r) => r.afterDays).join(", "),
    remindIf: s.remindIf ?? "not_completed",
    closingReminderDaysBefore: s.closingReminderDaysBefore ? String(s.closingReminderDaysBefore) : "",
    sendRatePerSecond: s.sendRatePerSecond ? String(s.sendRatePerSecond) : "",
  };
}

/** The wave form's values for a stored wave (the edit form), times in the study's zone. */
export function waveFormValues(w: WaveRow, timeZone: string): WaveFormValues {
  return {
    ...waveFormDefaults,
    ...scheduleFormValues(w.schedule, timeZone),
    name: w.name, slug: w.slug, instrumentVersionId: w.instrumentVersionId, mode: w.mode,
    opensAt: wall(w.opensAt, timeZone), closesAt: wall(w.closesAt, timeZone),
    consent: w.targetRule?.consent ?? waveFormDefaults.consent, completedWaveId: w.targetRule?.completedWaveId ?? "",
  };
}

/** What "Count the panel" says: how many the targeting rule would invite now. */
export const countText = (n: number) => `${n} participant${n === 1 ? "" : "s"} would be invited now.`;
