// The study's interview settings (studies.settings, JSON), with their defaults. Pure.
import { z } from "zod";

const hours = z.number().int().min(0).max(24 * 60);

const schema = z.looseObject({
  /** The person may move or cancel until this many hours before the interview. */
  interviewChangeHours: hours.catch(24).default(24),
  /** Reminders this many hours before (each sent once). */
  interviewReminderHours: z.array(hours).max(5).catch([24, 1]).default([24, 1]),
  /** A no-show moves the person to "no answer" this many hours after it is recorded, unless they rebook. */
  interviewNoShowHours: hours.catch(48).default(48),
  /** Admins may let interviewers (researchers) see the email of the people booked with them. */
  interviewersSeeContacts: z.boolean().catch(false).default(false),
});

export type InterviewSettings = z.infer<typeof schema>;

export const DEFAULT_NO_SHOW_HOURS = 48;

export function interviewSettings(settings: unknown): InterviewSettings {
  return schema.parse(settings && typeof settings === "object" ? settings : {});
}
