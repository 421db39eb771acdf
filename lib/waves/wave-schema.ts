// The wave form, as one zod schema shared by the browser (react-hook-form) and the server action.
// Fields are the form's strings; toWaveSettings turns them into the stored target rule and schedule.
import { z } from "zod";
import { noControlCharacters } from "../text/control-characters";
import type { TargetRule, WaveMode, WaveSchedule } from "../../db/schema/waves";

const RESERVED_SLUGS = ["new", "emails"];

const dateText = (label: string) =>
  z.string().trim().refine((s) => s === "" || !Number.isNaN(Date.parse(s)), `${label} is not a valid date and time`);

/** "3, 7" → [3, 7]; the days after the invitation at which a reminder goes. */
export function parseReminderDays(s: string): number[] | null {
  const parts = s.split(/[,\s]+/).filter(Boolean);
  const days = parts.map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 90)) return null;
  for (let i = 1; i < days.length; i++) if (days[i] <= days[i - 1]) return null;
  return days;
}

export const scheduleFieldsSchema = z.object({
  invitationAt: dateText("Invitation time"),
  reminderDays: z.string().trim().refine((s) => parseReminderDays(s) !== null, "Give whole days, increasing, e.g. 3, 7 (1–90)")
    .refine((s) => (parseReminderDays(s) ?? []).length <= 5, "At most 5 reminders"),
  remindIf: z.enum(["not_started", "not_completed"]),
  closingReminderDaysBefore: z.string().trim().refine((s) => s === "" || /^([1-9]|[12]\d|30)$/.test(s), "Days before closing: 1–30, or empty for none"),
  sendRatePerSecond: z.string().trim().refine((s) => s === "" || (Number(s) > 0 && Number(s) <= 1000), "Messages per second: 0.1–1000, or empty"),
});

export const waveFormSchema = scheduleFieldsSchema
  .extend({
    name: z.string().trim().min(1, "Give the wave a name").max(200).superRefine(noControlCharacters("The wave name")),
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,64}$/, "Lower-case letters, digits and dashes only")
      .refine((s) => !RESERVED_SLUGS.includes(s), "This name is reserved; choose another"),
    instrumentVersionId: z.string().uuid("Choose a questionnaire version"),
    mode: z.enum(["open_link", "panel"]),
    opensAt: dateText("Opening time").refine((s) => s !== "", "Give an opening time"),
    closesAt: dateText("Closing time"),
    consent: z.string().trim().max(64),
    completedWaveId: z.string().trim().refine((s) => s === "" || z.string().uuid().safeParse(s).success, "Choose a wave"),
  })
  .superRefine((v, ctx) => {
    const opens = Date.parse(v.opensAt);
    const closes = v.closesAt ? Date.parse(v.closesAt) : null;
    if (closes !== null && closes <= opens) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "The wave must close after it opens" });
    if (v.invitationAt) {
      const inv = Date.parse(v.invitationAt);
      if (inv < opens) ctx.addIssue({ code: "custom", path: ["invitationAt"], message: "Invitations cannot go before the wave opens" });
      if (closes !== null && inv >= closes) ctx.addIssue({ code: "custom", path: ["invitationAt"], message: "Invitations must go before the wave closes" });
    }
    if (v.mode === "panel" && !v.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: "Name the consent the panel must have given" });
    if (v.closingReminderDaysBefore && closes === null) {
      ctx.addIssue({ code: "custom", path: ["closingReminderDaysBefore"], message: "A closing reminder needs a closing time" });
    }
  });

export type WaveFormValues = z.infer<typeof waveFormSchema>;
export type ScheduleFields = z.infer<typeof scheduleFieldsSchema>;

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

const toIso = (s: string) => (s ? new Date(s).toISOString() : undefined);

/** The stored schedule from the form's fields. Pure. */
export function toWaveSchedule(v: ScheduleFields): WaveSchedule {
  return {
    ...(v.invitationAt ? { invitationAt: toIso(v.invitationAt) } : {}),
    reminders: (parseReminderDays(v.reminderDays) ?? []).map((afterDays) => ({ afterDays })),
    remindIf: v.remindIf,
    closingReminderDaysBefore: v.closingReminderDaysBefore ? Number(v.closingReminderDaysBefore) : null,
    ...(v.sendRatePerSecond ? { sendRatePerSecond: Number(v.sendRatePerSecond) } : {}),
  };
}

/** The stored wave settings from the form. Pure. */
export function toWaveSettings(v: WaveFormValues): {
  name: string;
  slug: string;
  instrumentVersionId: string;
  mode: WaveMode;
  opensAt: Date;
  closesAt: Date | null;
  targetRule: TargetRule | null;
  schedule: WaveSchedule;
} {
  return {
    name: v.name,
    slug: v.slug,
    instrumentVersionId: v.instrumentVersionId,
    mode: v.mode,
    opensAt: new Date(v.opensAt),
    closesAt: v.closesAt ? new Date(v.closesAt) : null,
    targetRule:
      v.mode === "panel"
        ? { consent: v.consent, ...(v.completedWaveId ? { completedWaveId: v.completedWaveId } : {}), excludeBounced: true }
        : null,
    schedule: v.mode === "panel" ? toWaveSchedule(v) : {},
  };
}
