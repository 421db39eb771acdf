// Waves: create, schedule, open, close, fieldwork counts.
import { z } from "zod";
import { noControlCharacters } from "../../text/control-characters";
import { endpoint } from "../endpoint";
import { slugSchema } from "../../studies/study-schema";
import { dateTime, studyParams, waveParams, waveSchema } from "../schemas";

export const scheduleInputSchema = z
  .object({
    invitationAt: dateTime.optional().describe("When the invitation email goes (panel waves); default: at opening"),
    reminderDays: z.array(z.number().int().min(1).max(90)).max(5).default([]).describe("Days after the invitation, increasing, e.g. [4, 10]"),
    remindIf: z.enum(["not_started", "not_completed"]).default("not_completed"),
    closingReminderDaysBefore: z.number().int().min(1).max(30).nullable().default(null).describe("A last reminder this many days before closing"),
    sendRatePerSecond: z.number().positive().max(1000).optional(),
  })
  .meta({ id: "WaveSchedule" });

export const newWaveSchema = z
  .object({
    name: z.string().trim().min(1).max(200).superRefine(noControlCharacters("The wave name")),
    slug: slugSchema.describe("Used in open links: /j/<study>/<wave>"),
    instrumentVersionId: z.uuid().describe("A version of one of the study's instruments (it is locked from now on)"),
    mode: z.enum(["open_link", "panel"]),
    opensAt: dateTime,
    closesAt: dateTime.nullable().default(null),
    consent: z.string().trim().regex(/^[a-z0-9_]{1,64}$/).default("follow_up_surveys").describe("Panel waves: the consent the panel must have given"),
    completedWaveId: z.uuid().optional().describe("Panel waves: only those who completed this earlier wave"),
    schedule: scheduleInputSchema.optional(),
  })
  .meta({ id: "NewWave" });

export const listWavesEndpoint = endpoint({
  operationId: "listWaves",
  method: "GET",
  path: "/studies/{study}/waves",
  tag: "Waves",
  summary: "The study's waves with live counts",
  params: studyParams,
  responses: {
    200: {
      description: "Waves in order",
      schema: z.object({
        waves: z.array(z.object({
          id: z.uuid(), slug: z.string(), name: z.string(), mode: z.enum(["open_link", "panel"]), status: z.enum(["scheduled", "open", "closed"]),
          opensAt: dateTime.nullable(), closesAt: dateTime.nullable(), position: z.number().int(),
          invited: z.number().int(), started: z.number().int(), completed: z.number().int(),
        })),
      }).meta({ id: "WaveList" }),
    },
  },
  problems: [404],
});

export const createWaveEndpoint = endpoint({
  operationId: "createWave",
  method: "POST",
  path: "/studies/{study}/waves",
  tag: "Waves",
  summary: "Create a wave (scheduled to open at opensAt)",
  description: "The worker opens it at opensAt, invites the target panel and sends reminders on the schedule. Nothing is sent by this call.",
  params: studyParams,
  body: { kind: "json", schema: newWaveSchema },
  responses: { 201: { description: "The wave", schema: waveSchema } },
  problems: [404, 409, 413, 415, 422],
});

export const scheduleWaveEndpoint = endpoint({
  operationId: "scheduleWave",
  method: "PUT",
  path: "/studies/{study}/waves/{wave}/schedule",
  tag: "Waves",
  summary: "Replace a wave's invitation and reminder schedule",
  description: "Waiting invitation emails move to the new time; reminders already queued stay. Not for a closed wave (409).",
  params: waveParams,
  body: { kind: "json", schema: scheduleInputSchema },
  responses: { 200: { description: "The wave", schema: waveSchema } },
  problems: [404, 409, 413, 415, 422],
});

const transitionSchema = z
  .object({ wave: z.string(), status: z.enum(["open", "closed"]), cancelledMessages: z.number().int().optional() })
  .meta({ id: "WaveTransition" });

export const openWaveEndpoint = endpoint({
  operationId: "openWave",
  method: "POST",
  path: "/studies/{study}/waves/{wave}/open",
  tag: "Waves",
  summary: "Open a wave now (its invitations go now)",
  params: waveParams,
  responses: { 200: { description: "Open (repeating the call changes nothing)", schema: transitionSchema } },
  problems: [404, 409],
});

export const closeWaveEndpoint = endpoint({
  operationId: "closeWave",
  method: "POST",
  path: "/studies/{study}/waves/{wave}/close",
  tag: "Waves",
  summary: "Close a wave now (waiting invitations and reminders are cancelled)",
  params: waveParams,
  responses: { 200: { description: "Closed", schema: transitionSchema } },
  problems: [404],
});

const totals = z.object({
  invited: z.number().int(), delivered: z.number().int(), bounced: z.number().int(), optedOut: z.number().int(), started: z.number().int(), completed: z.number().int(),
});

export const fieldworkEndpoint = endpoint({
  operationId: "getFieldwork",
  method: "GET",
  path: "/studies/{study}/waves/{wave}/fieldwork",
  tag: "Waves",
  summary: "Fieldwork counts: targets, invited, delivered, bounced, opted out, started, completed, by day",
  params: waveParams,
  responses: {
    200: {
      description: "Counts in total and per day (in the study's time zone)",
      schema: z.object({
        wave: z.object({ slug: z.string(), name: z.string(), mode: z.enum(["open_link", "panel"]), status: z.enum(["scheduled", "open", "closed"]), opensAt: dateTime.nullable(), closesAt: dateTime.nullable() }),
        targets: z.number().int().nullable().describe("Panel waves: how many the target rule reaches now"),
        totals,
        days: z.array(totals.omit({ invited: true }).extend({ day: z.string(), reminded: z.number().int() })),
        mail: z.record(z.string(), z.number().int()).describe("The wave's outbox messages by status"),
        timeZone: z.string(),
      }).meta({ id: "Fieldwork" }),
    },
  },
  problems: [404],
});

export const schedulePatchSchema = z
  .strictObject({
    invitationAt: dateTime.nullable().optional().describe("null: at opening"),
    reminderDays: z.array(z.number().int().min(1).max(90)).max(5).optional().describe("The whole list; while the wave runs only days added after the existing ones"),
    remindIf: z.enum(["not_started", "not_completed"]).optional(),
    closingReminderDaysBefore: z.number().int().min(1).max(30).nullable().optional(),
    sendRatePerSecond: z.number().positive().max(1000).nullable().optional(),
  })
  .meta({ id: "WaveSchedulePatch" });

export const waveEditSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).superRefine(noControlCharacters("The wave name")).optional(),
    instrumentVersionId: z.uuid().optional(),
    opensAt: dateTime.optional(),
    closesAt: dateTime.nullable().optional().describe("Later only while the wave runs (extending it)"),
    consent: z.string().trim().regex(/^[a-z0-9_]{1,64}$/).optional().describe("Panel waves: a consent kind of the study"),
    completedWaveId: z.uuid().nullable().optional(),
    schedule: schedulePatchSchema.optional(),
  })
  .meta({ id: "WaveEdit" });

export const editWaveEndpoint = endpoint({
  operationId: "editWave",
  method: "PATCH",
  path: "/studies/{study}/waves/{wave}",
  tag: "Waves",
  summary: "Change a wave: anything before it opens; a later close date or more reminders while it runs",
  description:
    "Only the fields given change. Before the wave opens: name, questionnaire version, times, targeting and schedule. " +
    "While it runs: `closesAt` later (extending it), reminders added after the existing ones, name. A closed wave is reopened instead (`/reopen`). " +
    "A refused change answers 409 with `errors` naming each field and why; targeting that would invite nobody answers 422 on `consent` or `completedWaveId`. Audited.",
  params: waveParams,
  body: { kind: "json", schema: waveEditSchema },
  responses: { 200: { description: "The wave", schema: waveSchema } },
  problems: [404, 409, 413, 415, 422],
});

export const deleteWaveEndpoint = endpoint({
  operationId: "deleteWave",
  method: "DELETE",
  path: "/studies/{study}/waves/{wave}",
  tag: "Waves",
  summary: "Delete a wave that has not opened",
  description: "Refused (409, with the reason) once it has opened, has invitations or answers, or another wave or a recruitment rule names it. Audited.",
  params: waveParams,
  responses: { 200: { description: "Deleted", schema: z.object({ deleted: z.string().describe("The wave's slug") }).meta({ id: "WaveDeleted" }) } },
  problems: [404, 409],
});

export const reopenWaveEndpoint = endpoint({
  operationId: "reopenWave",
  method: "POST",
  path: "/studies/{study}/waves/{wave}/reopen",
  tag: "Waves",
  summary: "Reopen a closed wave until a new closing time",
  description: "People can answer again until `until`; nobody is sent a message twice. Only a closed wave (409 otherwise). Audited.",
  params: waveParams,
  body: { kind: "json", schema: z.strictObject({ until: dateTime.describe("The new closing time, in the future") }).meta({ id: "WaveReopen" }) },
  responses: { 200: { description: "The wave, open", schema: waveSchema } },
  problems: [404, 409, 413, 415, 422],
});
