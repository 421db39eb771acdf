// Studies and their instruments.
import { z } from "zod";
import { MAX_UPLOAD_REQUEST_BYTES } from "../../instruments/limits";
import { instrumentNameSchema } from "../../instruments/upload-instrument-file";
import { newStudySchema, studyPatchSchema } from "../../studies/study-schema";
import { surveyDefinitionSchema } from "../../surveys/definition";
import { endpoint } from "../endpoint";
import {
  definitionChangeSchema, instrumentVersionSchema, locatedIssueSchema, studyParams, studySettingsOutSchema, studySummarySchema,
} from "../schemas";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const listStudiesEndpoint = endpoint({
  operationId: "listStudies",
  method: "GET",
  path: "/studies",
  tag: "Studies",
  summary: "Studies the token's user can see",
  description: "Admins see every study; researchers the studies they are members of.",
  responses: { 200: { description: "The studies", schema: z.object({ studies: z.array(studySummarySchema) }).meta({ id: "StudyList" }) } },
  problems: [],
});

export const createStudyEndpoint = endpoint({
  operationId: "createStudy",
  method: "POST",
  path: "/studies",
  tag: "Studies",
  summary: "Create a study",
  description: "Admins and researchers; a researcher becomes the study's first member.",
  body: { kind: "json", schema: newStudySchema.meta({ id: "NewStudy" }) },
  responses: { 201: { description: "The study's settings", schema: studySettingsOutSchema } },
  problems: [409, 413, 415, 422],
});

export const getStudyEndpoint = endpoint({
  operationId: "getStudy",
  method: "GET",
  path: "/studies/{study}",
  tag: "Studies",
  summary: "A study's settings",
  params: studyParams,
  responses: { 200: { description: "The study's settings", schema: studySettingsOutSchema } },
  problems: [404],
});

export const updateStudyEndpoint = endpoint({
  operationId: "updateStudy",
  method: "PATCH",
  path: "/studies/{study}",
  tag: "Studies",
  summary: "Change a study's settings",
  description:
    "Partial: only the fields given change. `settings` merges key by key; `texts` language by language (null removes a " +
    "language's texts). The result is checked whole, as a new study is. A language that a questionnaire version (and so " +
    "a wave) of the study is in cannot be removed (422 at `languages`, naming the version); the slug cannot change once " +
    "the study has a wave (422 at `slug`). Every change is in the audit log, the status variable and mapping with their " +
    "values before and after.",
  params: studyParams,
  body: { kind: "json", schema: studyPatchSchema.meta({ id: "StudyPatch" }) },
  responses: { 200: { description: "The study's settings after the change", schema: studySettingsOutSchema } },
  problems: [404, 409, 413, 415, 422],
});

export const listInstrumentsEndpoint = endpoint({
  operationId: "listInstruments",
  method: "GET",
  path: "/studies/{study}/instruments",
  tag: "Instruments",
  summary: "Instruments and their versions",
  params: studyParams,
  responses: {
    200: {
      description: "Each instrument with its versions, oldest first",
      schema: z.object({ instruments: z.array(z.object({ name: z.string(), versions: z.array(instrumentVersionSchema) })) }).meta({ id: "InstrumentList" }),
    },
  },
  problems: [404],
});

export const uploadInstrumentQuery = z.object({
  name: instrumentNameSchema.describe("The instrument; a new name creates it, a known one gets its next version"),
  dryRun: z.stringbool().default(false).describe("Only check and compare with the newest version; store nothing"),
});

export const uploadInstrumentEndpoint = endpoint({
  operationId: "uploadInstrument",
  method: "POST",
  path: "/studies/{study}/instruments",
  tag: "Instruments",
  summary: "Upload a questionnaire version (XLSForm or JSON)",
  description:
    "Send an XLSForm (.xlsx) as the raw body or as multipart/form-data in the field `file`, or a survey definition as " +
    "application/json. Every problem is returned at once in `errors`, XLSForm problems with their sheet, row and column. " +
    "A file identical to the newest version stores nothing and answers 200 with outcome `unchanged`.",
  params: studyParams,
  query: uploadInstrumentQuery,
  body: {
    kind: "upload",
    mediaTypes: [XLSX_TYPE, "application/octet-stream"],
    maxBytes: MAX_UPLOAD_REQUEST_BYTES,
    description: "The XLSForm workbook (at most 5 MB)",
    json: surveyDefinitionSchema.meta({ id: "SurveyDefinition" }),
  },
  responses: {
    200: { description: "Dry run passed, or unchanged (nothing stored)", schema: z.lazy(() => uploadResultSchema) },
    201: { description: "A new version was stored", schema: z.lazy(() => uploadResultSchema) },
  },
  problems: [400, 404, 413, 415, 422],
});

export const uploadResultSchema = z
  .object({
    outcome: z.enum(["created", "unchanged", "valid"]),
    version: instrumentVersionSchema.nullable(),
    warnings: z.array(locatedIssueSchema),
    changes: z.array(definitionChangeSchema).describe("Differences from the newest version before this upload"),
  })
  .meta({ id: "InstrumentUpload" });

export const getInstrumentVersionEndpoint = endpoint({
  operationId: "getInstrumentVersion",
  method: "GET",
  path: "/studies/{study}/instrument-versions/{version}",
  tag: "Instruments",
  summary: "One version with its definition",
  params: studyParams.extend({ version: z.uuid().describe("The version's id") }),
  responses: {
    200: {
      description: "The version and its survey definition",
      schema: instrumentVersionSchema.extend({ definition: z.record(z.string(), z.unknown()).describe("The SurveyDefinition (see the SurveyDefinition schema)") }).meta({ id: "InstrumentVersionWithDefinition" }),
    },
  },
  problems: [404],
});
