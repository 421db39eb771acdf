// The API's wave bodies as the domain's wave commands. The commands' field paths are the JSON
// paths of these bodies (schedule.reminderDays, closesAt, …), so the domain's errors need no
// renaming here.
import type { z } from "zod";
import type { NewWaveCommand, WaveEditCommand, WaveScheduleCommand } from "../waves/wave-schema";
import type { newWaveSchema, scheduleInputSchema, waveEditSchema } from "./endpoints/waves";

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

type WaveEditInput = z.output<typeof waveEditSchema>;

/** A PATCH body as the domain's edit command: only the fields given. */
export function toWaveEditCommand(w: WaveEditInput): WaveEditCommand {
  const at = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : new Date(s));
  const s = w.schedule;
  return {
    name: w.name,
    instrumentVersionId: w.instrumentVersionId,
    opensAt: w.opensAt === undefined ? undefined : new Date(w.opensAt),
    closesAt: at(w.closesAt),
    consent: w.consent,
    completedWaveId: w.completedWaveId,
    schedule: s && {
      invitationAt: at(s.invitationAt), reminderDays: s.reminderDays, remindIf: s.remindIf,
      closingReminderDaysBefore: s.closingReminderDaysBefore, sendRatePerSecond: s.sendRatePerSecond,
    },
  };
}
