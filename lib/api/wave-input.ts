// The API's wave bodies as the domain's wave commands. The commands' field paths are the JSON
// paths of these bodies (schedule.reminderDays, closesAt, …), so the domain's errors need no
// renaming here.
import type { z } from "zod";
import type { NewWaveCommand, WaveScheduleCommand } from "../waves/wave-schema";
import type { newWaveSchema, scheduleInputSchema } from "./endpoints/waves";

type ScheduleInput = z.output<typeof scheduleInputSchema>;
type NewWaveInput = z.output<typeof newWaveSchema>;

export function toScheduleCommand(s: ScheduleInput | undefined): WaveScheduleCommand {
  return {
    invitationAt: s?.invitationAt ? new Date(s.invitationAt) : null,
    reminderDays: s?.reminderDays ?? [],
    remindIf: s?.remindIf ?? "not_completed",
    closingReminderDaysBefore: s?.closingReminderDaysBefore ?? null,
    sendRatePerSecond: s?.sendRatePerSecond ?? null,
  };
}

export function toNewWaveCommand(w: NewWaveInput): NewWaveCommand {
  return {
    name: w.name, slug: w.slug, instrumentVersionId: w.instrumentVersionId, mode: w.mode,
    opensAt: new Date(w.opensAt), closesAt: w.closesAt ? new Date(w.closesAt) : null,
    consent: w.mode === "panel" ? w.consent : "", completedWaveId: w.completedWaveId ?? null, schedule: toScheduleCommand(w.schedule),
  };
}
