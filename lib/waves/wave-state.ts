// The wave lifecycle as pure functions of the wave and the time (docs/wave-lifecycle.md).
import type { WaveSchedule, WaveStatus } from "../../db/schema/waves";

const DAY = 24 * 3600_000;

export type WaveTimes = { status: WaveStatus; opensAt: Date | null; closesAt: Date | null; schedule: WaveSchedule };

/** The status a wave should move to now, or null to stay. */
export function waveTransition(w: Pick<WaveTimes, "status" | "opensAt" | "closesAt">, now: Date): "open" | "closed" | null {
  if (w.status === "closed") return null;
  if (w.closesAt && w.closesAt <= now) return "closed";
  if (w.status === "scheduled" && w.opensAt && w.opensAt <= now) return "open";
  return null;
}

/** When the invitation email goes: schedule.invitationAt, else the opening time, never before now. */
export function invitationTime(w: Pick<WaveTimes, "opensAt" | "schedule">, now: Date): Date {
  const at = w.schedule.invitationAt ? new Date(w.schedule.invitationAt) : w.opensAt ?? now;
  return at > now ? at : now;
}

export type DueReminders = {
  /** Reminder n is due for invitations sent at or before sentBefore; highest number first. */
  regular: { number: number; sentBefore: Date }[];
  /** The closing reminder, for invitations sent at or before sentBefore (at least a day ago). */
  closing: { sentBefore: Date } | null;
};

/**
 * Which reminders are due now. Reminder n goes reminders[n-1].afterDays after the invitation was
 * sent; if several are due at once (the worker was down) only the highest goes. Once the closing
 * reminder's window has begun, regular reminders stop, so nobody gets two in a row. Pure.
 */
export function dueReminders(w: WaveTimes, now: Date): DueReminders {
  const none = { regular: [], closing: null };
  if (w.status !== "open" || (w.closesAt && w.closesAt <= now)) return none;
  const daysBefore = w.schedule.closingReminderDaysBefore;
  const closingWindow = daysBefore != null && w.closesAt !== null && now.getTime() >= w.closesAt.getTime() - daysBefore * DAY;
  if (closingWindow) return { regular: [], closing: { sentBefore: new Date(now.getTime() - DAY) } };
  const regular = (w.schedule.reminders ?? [])
    .map((r, i) => ({ number: i + 1, sentBefore: new Date(now.getTime() - r.afterDays * DAY) }))
    .reverse();
  return { regular, closing: null };
}
