// The API's typed wave body (numbers, arrays, ISO times) as the wave form's strings that
// lib/waves validates, and that form's field names back as the API's paths in errors.
import type { z } from "zod";
import { AppError, InvalidInput } from "../errors/app-error";
import type { ScheduleFields, WaveFormValues } from "../waves/wave-schema";
import type { newWaveSchema, scheduleInputSchema } from "./endpoints/waves";

type ScheduleInput = z.output<typeof scheduleInputSchema>;
type NewWaveInput = z.output<typeof newWaveSchema>;

const SCHEDULE_FIELDS = ["invitationAt", "reminderDays", "remindIf", "closingReminderDaysBefore", "sendRatePerSecond"];

export function toScheduleFields(s: ScheduleInput | undefined): ScheduleFields {
  return {
    invitationAt: s?.invitationAt ?? "",
    reminderDays: (s?.reminderDays ?? []).join(", "),
    remindIf: s?.remindIf ?? "not_completed",
    closingReminderDaysBefore: s?.closingReminderDaysBefore != null ? String(s.closingReminderDaysBefore) : "",
    sendRatePerSecond: s?.sendRatePerSecond != null ? String(s.sendRatePerSecond) : "",
  };
}

export function toWaveForm(w: NewWaveInput): WaveFormValues {
  return {
    name: w.name, slug: w.slug, instrumentVersionId: w.instrumentVersionId, mode: w.mode, opensAt: w.opensAt, closesAt: w.closesAt ?? "",
    consent: w.mode === "panel" ? w.consent : "", completedWaveId: w.completedWaveId ?? "", ...toScheduleFields(w.schedule),
  };
}

/** Runs a wave call and renames form fields in its errors to the API's (schedule.*, …). */
export async function withWavePaths<T>(prefix: "schedule." | "", run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    const issues = e.issues.map((i) => ({ ...i, path: SCHEDULE_FIELDS.includes(i.path) ? `${prefix}${i.path}` : i.path }));
    throw new InvalidInput(e.message, issues) as AppError;
  }
}
