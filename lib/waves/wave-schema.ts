// The wave commands of the domain: typed (numbers, arrays, dates), validated once here. The staff
// form and the API each map their own input to them; issue paths are the command's field paths
// (schedule.reminderDays, closesAt, …), which each caller names in its own terms.
import { z } from "zod";
import { SLUG_PATTERN } from "../studies/study-schema";
import { noControlCharacters } from "../text/control-characters";
import type { TargetRule, WaveMode, WaveSchedule } from "../../db/schema/waves";

const RESERVED_SLUGS = ["new", "emails"];

const date = (what: string) =>
  z.date({ error: (i) => (i.input == null ? `Give ${what}` : `${what[0].toUpperCase()}${what.slice(1)} is not a valid date and time`) });

/** Whole days 1–90, increasing: the days after the invitation at which a reminder goes. */
const validReminderDays = (days: number[]) =>
  days.every((d, i) => Number.isInteger(d) && d >= 1 && d <= 90 && (i === 0 || d > days[i - 1]));

export const waveScheduleCommandSchema = z.object({
  invitationAt: date("an invitation time").nullable(),
  reminderDays: z
    .array(z.number())
    .refine(validReminderDays, "Give whole days, increasing, e.g. 3, 7 (1–90)")
    .refine((d) => d.length <= 5, "At most 5 reminders"),
  remindIf: z.enum(["not_started", "not_completed"]),
  closingReminderDaysBefore: z.number().int("Days before closing: 1–30, or none").min(1, "Days before closing: 1–30, or none").max(30, "Days before closing: 1–30, or none").nullable(),
  sendRatePerSecond: z.number().positive("Messages per second: 0.1–1000, or none").max(1000, "Messages per second: 0.1–1000, or none").nullable(),
});

export const newWaveCommandSchema = z
  .object({
    name: z.string().trim().min(1, "Give the wave a name").max(200).superRefine(noControlCharacters("The wave name")),
    slug: z
      .string()
      .trim()
      .min(1, { message: "Give the wave a short name for its links, e.g. wave-2", abort: true })
      .regex(SLUG_PATTERN, "Lower-case letters, digits and dashes only")
      .refine((s) => !RESERVED_SLUGS.includes(s), "This name is reserved; choose another"),
    instrumentVersionId: z.string().uuid("Choose a questionnaire version"),
    mode: z.enum(["open_link", "panel"]),
    opensAt: date("an opening time"),
    closesAt: date("a closing time").nullable(),
    /** Panel waves: the consent kind the panel must have given. */
    consent: z.string().trim().max(64),
    /** Panel waves: only those who completed this earlier wave. */
    completedWaveId: z.string().uuid("Choose a wave").nullable(),
    schedule: waveScheduleCommandSchema,
  })
  .superRefine((v, ctx) => {
    const opens = v.opensAt.getTime();
    const closes = v.closesAt?.getTime() ?? null;
    if (closes !== null && closes <= opens) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "The wave must close after it opens" });
    const inv = v.schedule.invitationAt?.getTime();
    if (inv !== undefined) {
      if (inv < opens) ctx.addIssue({ code: "custom", path: ["schedule", "invitationAt"], message: "Invitations cannot go before the wave opens" });
      if (closes !== null && inv >= closes) ctx.addIssue({ code: "custom", path: ["schedule", "invitationAt"], message: "Invitations must go before the wave closes" });
    }
    if (v.mode === "panel" && !v.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: "Name the consent the panel must have given" });
    if (v.schedule.closingReminderDaysBefore && closes === null) {
      ctx.addIssue({ code: "custom", path: ["schedule", "closingReminderDaysBefore"], message: "A closing reminder needs a closing time: give one, or leave this field empty" });
    }
  });

/** A panel wave's invitation and reminder schedule. */
export type WaveScheduleCommand = z.input<typeof waveScheduleCommandSchema>;
/** A new wave. */
export type NewWaveCommand = z.input<typeof newWaveCommandSchema>;

/** The stored schedule from a validated schedule command. Pure. */
export function toWaveSchedule(v: z.output<typeof waveScheduleCommandSchema>): WaveSchedule {
  return {
    ...(v.invitationAt ? { invitationAt: v.invitationAt.toISOString() } : {}),
    reminders: v.reminderDays.map((afterDays) => ({ afterDays })),
    remindIf: v.remindIf,
    closingReminderDaysBefore: v.closingReminderDaysBefore,
    ...(v.sendRatePerSecond != null ? { sendRatePerSecond: v.sendRatePerSecond } : {}),
  };
}

/** The stored wave settings from a validated command. Pure. */
export function toWaveSettings(v: z.output<typeof newWaveCommandSchema>): {
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
    opensAt: v.opensAt,
    closesAt: v.closesAt,
    targetRule: v.mode === "panel" ? { consent: v.consent, ...(v.completedWaveId ? { completedWaveId: v.completedWaveId } : {}) } : null,
    schedule: v.mode === "panel" ? toWaveSchedule(v.schedule) : {},
  };
}

/** A change to a wave: the fields given replace the wave's (schedule fields one by one). */
export type WaveEditCommand = Partial<Omit<NewWaveCommand, "slug" | "mode" | "schedule">> & { schedule?: Partial<WaveScheduleCommand> };

/** A stored wave as the command that would create it, so an edit is checked as a new wave is. Pure. */
export function waveToCommand(w: {
  name: string; slug: string; instrumentVersionId: string; mode: WaveMode; opensAt: Date | null; closesAt: Date | null;
  targetRule: TargetRule | null; schedule: WaveSchedule;
}): NewWaveCommand {
  const s = w.schedule;
  return {
    name: w.name, slug: w.slug, instrumentVersionId: w.instrumentVersionId, mode: w.mode,
    opensAt: w.opensAt as Date, closesAt: w.closesAt,
    consent: w.targetRule?.consent ?? "", completedWaveId: w.targetRule?.completedWaveId ?? null,
    schedule: {
      invitationAt: s.invitationAt ? new Date(s.invitationAt) : null,
      reminderDays: (s.reminders ?? []).map((r) => r.afterDays),
      remindIf: s.remindIf ?? "not_completed",
      closingReminderDaysBefore: s.closingReminderDaysBefore ?? null,
      sendRatePerSecond: s.sendRatePerSecond ?? null,
    },
  };
}

/** The wave's command with an edit applied (undefined fields keep the wave's). Pure. */
export function applyEdit(current: NewWaveCommand, edit: WaveEditCommand): NewWaveCommand {
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const { schedule, ...rest } = edit;
  return { ...current, ...defined(rest), schedule: { ...current.schedule, ...defined(schedule ?? {}) } };
}
