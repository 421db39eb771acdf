// The wave screens' forms: the strings of their inputs, mapped to the domain's wave commands, and
// the commands' issues named by the forms' field ids (schedule.reminderDays → reminderDays). Shared
// by the browser (react-hook-form, so a field shows its problem at once) and the server actions.
import { z } from "zod";
import type { WaveSchedule } from "../../../../../db/schema/waves";
import { InvalidInput } from "../../../../../lib/errors/app-error";
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

const dateOrNull = (s: string) => (s.trim() ? new Date(s.trim()) : null);
const numberOrNull = (s: string) => (s.trim() ? Number(s.trim()) : null);

/** "3, 7" → [3, 7]; whether they are whole, increasing days is the command's to say. */
export const reminderDaysOf = (s: string): number[] => s.split(/[,\s]+/).filter(Boolean).map(Number);

export function toScheduleCommand(v: ScheduleFields): WaveScheduleCommand {
  return {
    invitationAt: dateOrNull(v.invitationAt),
    reminderDays: reminderDaysOf(v.reminderDays),
    remindIf: v.remindIf,
    closingReminderDaysBefore: numberOrNull(v.closingReminderDaysBefore),
    sendRatePerSecond: numberOrNull(v.sendRatePerSecond),
  };
}

export function toNewWaveCommand(v: WaveFormValues): NewWaveCommand {
  return {
    name: v.name, slug: v.slug, instrumentVersionId: v.instrumentVersionId, mode: v.mode,
    // An empty opening time goes as null, for the command to name ("Give an opening time").
    opensAt: dateOrNull(v.opensAt) as Date, closesAt: dateOrNull(v.closesAt),
    consent: v.consent, completedWaveId: v.completedWaveId.trim() || null, schedule: toScheduleCommand(v),
  };
}

/** A command's issue path as the form's field id. */
export function formFieldOf(path: string): string {
  return path.replace(/^schedule\./, "").split(".")[0];
}

/** Runs a wave command (on the server) and names its issues by the form's field ids. */
export async function onFormFields<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    throw new InvalidInput(e.message, e.issues.map((i) => ({ ...i, path: formFieldOf(i.path) })));
  }
}

function commandIssues(schema: z.ZodType, command: unknown, ctx: z.RefinementCtx) {
  const r = schema.safeParse(command);
  if (r.success) return;
  for (const i of r.error.issues) ctx.addIssue({ code: "custom", path: [formFieldOf(i.path.join("."))], message: i.message });
}

export const scheduleFieldsSchema = scheduleFieldsShape.superRefine((v, ctx) => commandIssues(waveScheduleCommandSchema, toScheduleCommand(v), ctx));
export const waveFormSchema = waveFieldsShape.superRefine((v, ctx) => commandIssues(newWaveCommandSchema, toNewWaveCommand(v), ctx));

export const waveFormDefaults: Omit<WaveFormValues, "instrumentVersionId" | "opensAt"> = {
  name: "",
  slug: "",
  mode: "panel",
  closesAt: "",
  consent: "follow_up_surveys",
  completedWaveId: "",
  invitationAt: "",
  reminderDays: "4, 10",
  remindIf: "not_completed",
  closingReminderDaysBefore: "2",
  sendRatePerSecond: "",
};

/** The schedule form's values for a stored schedule. */
export function scheduleFormValues(s: WaveSchedule): ScheduleFields {
  return {
    invitationAt: s.invitationAt ?? "",
    reminderDays: (s.reminders ?? []).map((r) => r.afterDays).join(", "),
    remindIf: s.remindIf ?? "not_completed",
    closingReminderDaysBefore: s.closingReminderDaysBefore ? String(s.closingReminderDaysBefore) : "",
    sendRatePerSecond: s.sendRatePerSecond ? String(s.sendRatePerSecond) : "",
  };
}
