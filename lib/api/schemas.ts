// Shared pieces of the API's request and response schemas (each with an id: an OpenAPI component).
import { z } from "zod";
import { slugSchema } from "../studies/study-schema";

export const dateTime = z.iso.datetime({ offset: true });

export const studyParams = z.object({ study: slugSchema.describe("The study's slug") });
export const waveParams = studyParams.extend({ wave: slugSchema.describe("The wave's slug") });

export const trajectorySchema = z.enum(["stayed", "returned", "moved_on", "unknown"]);

export const studySummarySchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), languages: z.array(z.string()) })
  .meta({ id: "StudySummary" });

export const studySettingsOutSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    languages: z.array(z.string()),
    defaultLanguage: z.string(),
    statusVariable: z.string().nullable(),
    statusMapping: z.record(z.string(), z.enum(["stayed", "returned", "moved_on"])).nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
    texts: z.record(z.string(), z.object({
      name: z.string().optional(), description: z.string().optional(), contactName: z.string().optional(), contactEmail: z.string().optional(),
    })).describe("The study's name, description and contact by language (the default language's too); a missing text falls back to the default language's"),
    createdAt: dateTime,
  })
  .meta({ id: "Study" });

export const instrumentVersionSchema = z
  .object({
    id: z.uuid(),
    instrumentId: z.uuid(),
    instrument: z.string().describe("The instrument's name"),
    version: z.number().int(),
    sourceFormat: z.enum(["xlsform", "json"]),
    sourceName: z.string().nullable(),
    createdAt: dateTime,
    lockedAt: dateTime.nullable().describe("Set when a wave first used it; from then on immutable"),
  })
  .meta({ id: "InstrumentVersion" });

export const locatedIssueSchema = z
  .object({ path: z.string(), message: z.string(), sheet: z.string().optional(), row: z.number().int().optional(), column: z.string().optional() })
  .meta({ id: "LocatedIssue" });

export const definitionChangeSchema = z
  .object({
    kind: z.string(),
    page: z.string().optional(),
    question: z.string().optional(),
    option: z.string().optional(),
    field: z.string().optional(),
    language: z.string().optional(),
    before: z.string().optional(),
    after: z.string().optional(),
    message: z.string(),
  })
  .meta({ id: "DefinitionChange" });

export const waveSchema = z
  .object({
    id: z.uuid(),
    studyId: z.uuid(),
    slug: z.string(),
    name: z.string(),
    position: z.number().int(),
    instrumentVersionId: z.uuid(),
    mode: z.enum(["open_link", "panel"]),
    status: z.enum(["scheduled", "open", "closed"]),
    opensAt: dateTime.nullable(),
    closesAt: dateTime.nullable(),
    targetRule: z.object({ consent: z.string().optional(), completedWaveId: z.string().optional() }).nullable(),
    schedule: z.object({
      invitationAt: dateTime.optional(),
      reminders: z.array(z.object({ afterDays: z.number().int() })).optional(),
      remindIf: z.enum(["not_started", "not_completed"]).optional(),
      closingReminderDaysBefore: z.number().int().nullable().optional(),
      sendRatePerSecond: z.number().optional(),
    }),
    createdAt: dateTime,
  })
  .meta({ id: "Wave" });
