// Responses, reports and interview recruitment.
import { z } from "zod";
import { ruleInputSchema } from "../../recruitment/rule-schema";
import { recruitmentListQuerySchema } from "../../recruitment/export-recruitment-list";
import { boardUpdateSchema } from "../../recruitment/update-board-entry";
import { frequencyQuerySchema } from "../../reports/get-frequency-table";
import { apiExportQuerySchema } from "../../exports/export-responses-api";
import { endpoint } from "../endpoint";
import { dateTime, studyParams, trajectorySchema } from "../schemas";

const cell = z.union([z.string(), z.number(), z.null()]);
const statuses = z.enum(["flagged", "invited", "agreed", "interviewed", "declined", "no_answer"]);

export const exportResponsesEndpoint = endpoint({
  operationId: "exportResponses",
  method: "GET",
  path: "/studies/{study}/responses",
  tag: "Responses",
  summary: "Export responses, wide or long, as CSV or JSON (streamed)",
  description:
    "Pseudonymous (participant code) unless an admin asks for `identifiers` (403 for others), or de-identified with " +
    "`profile=deidentified` (identifier questions dropped, codes replaced by a hash keyed for this export only, dates shifted per " +
    "participant, emails, phone numbers and URLs in free text masked). Every export is written to " +
    "the audit log. For nightly pulls pass `since` (the time of the previous pull): only what changed since comes back.",
  params: studyParams,
  query: apiExportQuerySchema,
  responses: {
    200: {
      description: "The export",
      files: [
        { mediaType: "text/csv", description: "CSV (format=csv): a header row, then one row per participant (wide) or per participant and wave (long). Text cells that start with = + - @ are prefixed with '." },
        {
          mediaType: "application/json",
          description: "JSON (format=json): the columns, then one object per row keyed by column",
          schema: z.object({
            study: z.string(), shape: z.enum(["wide", "long"]), profile: z.enum(["pseudonymous", "deidentified"]), waves: z.array(z.string()), completed: z.boolean(), since: dateTime.nullable(),
            generatedAt: dateTime, rowCount: z.number().int(), columns: z.array(z.string()), rows: z.array(z.record(z.string(), cell)),
          }).meta({ id: "ResponseExport" }),
        },
      ],
    },
  },
  problems: [403, 404, 422],
});

const frequencyRow = z.object({ code: z.string(), label: z.string(), count: z.number().int(), percent: z.number().nullable(), marks: z.array(z.string()) });

export const frequencyEndpoint = endpoint({
  operationId: "getFrequencyTable",
  method: "GET",
  path: "/studies/{study}/reports/frequency",
  tag: "Reports",
  summary: "A frequency table of one choice question (JSON)",
  description:
    "Counts over completed responses, for everyone or one branch, with footnotes for branch-specific and merged options. " +
    "A single choice keeps its option order (ordinal lists such as age groups), a multiple choice is ordered by count; `order` chooses.",
  params: studyParams,
  query: frequencyQuerySchema,
  responses: {
    200: {
      description: "The table",
      schema: z.object({
        study: z.object({ slug: z.string(), name: z.string() }),
        wave: z.object({ slug: z.string(), name: z.string() }),
        query: z.object({ wave: z.string(), question: z.string(), branch: z.string(), lang: z.string(), order: z.enum(["options", "count"]) }),
        table: z.object({
          question: z.string(), variable: z.string(), base: z.string(), n: z.number().int(), rows: z.array(frequencyRow),
          footnotes: z.array(z.object({ mark: z.string(), text: z.string() })), multiple: z.boolean(), order: z.enum(["options", "count"]),
        }),
      }).meta({ id: "FrequencyTable" }),
    },
  },
  problems: [404, 422],
});

const ruleOut = z
  .object({
    id: z.uuid(), name: z.string(), waveId: z.uuid().nullable(), active: z.boolean(), description: z.string(),
    trajectories: z.array(trajectorySchema), consent: z.string().nullable(), createdAt: dateTime, updatedAt: dateTime,
  })
  .meta({ id: "RecruitmentRule" });

export const listRulesEndpoint = endpoint({
  operationId: "listRecruitmentRules",
  method: "GET",
  path: "/studies/{study}/recruitment/rules",
  tag: "Recruitment",
  summary: "Recruitment rules",
  params: studyParams,
  responses: { 200: { description: "The rules", schema: z.object({ rules: z.array(ruleOut) }).meta({ id: "RecruitmentRuleList" }) } },
  problems: [404],
});

export const saveRuleEndpoint = endpoint({
  operationId: "saveRecruitmentRule",
  method: "POST",
  path: "/studies/{study}/recruitment/rules",
  tag: "Recruitment",
  summary: "Create a rule (or change one: give its id) and back-fill it",
  description: "Participants whose completed responses match are flagged at once, in the same transaction.",
  params: studyParams,
  body: { kind: "json", schema: ruleInputSchema.meta({ id: "RecruitmentRuleInput" }) },
  responses: {
    200: {
      description: "Saved",
      schema: z.object({ ruleId: z.uuid(), flagged: z.number().int(), unflagged: z.number().int(), removedWithdrawn: z.number().int() }).meta({ id: "RecruitmentRuleSaved" }),
    },
  },
  problems: [404, 413, 415, 422],
});

export const flaggedQuery = z.object({ status: statuses.optional() });

export const listFlaggedEndpoint = endpoint({
  operationId: "listFlagged",
  method: "GET",
  path: "/studies/{study}/recruitment/flagged",
  tag: "Recruitment",
  summary: "The flagged list (pseudonymous): people on the recruitment board",
  description: "At most 500 entries (oldest flag first; `truncated` says when there are more); withdrawn people never appear. No emails: see the recruitment list.",
  params: studyParams,
  query: flaggedQuery,
  responses: {
    200: {
      description: "The board",
      schema: z.object({
        counts: z.record(z.string(), z.number().int()),
        truncated: z.boolean(),
        entries: z.array(z.object({
          id: z.uuid(), code: z.string(), status: statuses, ruleName: z.string().nullable(), waveName: z.string().nullable(),
          trajectory: z.string().nullable(), notes: z.string().nullable(), language: z.string().nullable(), hasContact: z.boolean(),
          consentGranted: z.boolean(), requests: z.number().int(), flaggedAt: dateTime, invitedAt: dateTime.nullable(),
          agreedAt: dateTime.nullable(), interviewedAt: dateTime.nullable(), closedAt: dateTime.nullable(), updatedAt: dateTime,
          steps: z.array(statuses).describe("Statuses this entry may move to by hand"), canRequest: z.boolean(),
        })),
      }).meta({ id: "FlaggedList" }),
    },
  },
  problems: [404],
});

export const updateFlaggedEndpoint = endpoint({
  operationId: "updateFlagged",
  method: "PATCH",
  path: "/studies/{study}/recruitment/flagged/{entry}",
  tag: "Recruitment",
  summary: "Record a person's step (agreed, interviewed, declined, no answer) and/or notes (replacing them)",
  description: "`invited` is reached by sending the interview request (POST .../request). The day may not be in the future in the study's time zone. A step someone else recorded first answers 409.",
  params: studyParams.extend({ entry: z.uuid().describe("The board entry's id") }),
  body: { kind: "json", schema: boardUpdateSchema.omit({ id: true }).meta({ id: "FlaggedUpdate" }) },
  responses: { 200: { description: "The entry's status now", schema: z.object({ status: statuses }).meta({ id: "FlaggedStatus" }) } },
  problems: [404, 409, 413, 415, 422],
});

export const recruitmentListEndpoint = endpoint({
  operationId: "exportRecruitmentList",
  method: "GET",
  path: "/studies/{study}/recruitment/list",
  tag: "Recruitment",
  adminOnly: true,
  summary: "Export the recruitment list with contact details (admins only; audited)",
  description: "Email, language, status and dates next to the characteristics the study describes its interviewees by. Researchers get 403.",
  params: studyParams,
  query: recruitmentListQuerySchema,
  responses: {
    200: {
      description: "The list",
      files: [
        { mediaType: "text/csv", description: "CSV" },
        { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description: "XLSX (format=xlsx)" },
      ],
    },
  },
  problems: [403, 404, 422],
});
