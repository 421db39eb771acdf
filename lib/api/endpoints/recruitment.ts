// Interview recruitment beyond the rules and the list (data.ts): the request (preview, send) and
// the board's steps for several people at once; everything the board does.
import { z } from "zod";
import { stepsInputSchema } from "../../recruitment/record-steps";
import { RECRUITMENT_STATUSES } from "../../recruitment/recruitment-transitions";
import { endpoint } from "../endpoint";
import { studyParams } from "../schemas";

const statuses = z.enum(RECRUITMENT_STATUSES);
const entryParams = studyParams.extend({ entry: z.uuid().describe("The board entry's id") });

export const requestBodySchema = z.object({
  link: z.url({ protocol: /^https?$/ }).max(2000).optional().describe("A page where the person can say yes; without one they reply to the email"),
  minutes: z.string().trim().min(1).max(20).optional().describe("How long the interview takes, as the email says it (default 40–60)"),
});

export const previewRequestEndpoint = endpoint({
  operationId: "previewInterviewRequest",
  method: "GET",
  path: "/studies/{study}/recruitment/flagged/{entry}/request",
  tag: "Recruitment",
  summary: "The interview request as it would be sent to this person (subject and body, in their language)",
  description: "Nothing is queued. `refusal` says why it cannot be sent now (status, no contact, no consent). No address is shown.",
  params: entryParams,
  query: requestBodySchema,
  responses: {
    200: {
      description: "The email",
      schema: z.object({
        entry: z.object({ id: z.uuid(), code: z.string(), status: statuses, requests: z.number().int() }),
        language: z.string(), subject: z.string(), text: z.string(), html: z.string(), refusal: z.string().nullable(),
      }).meta({ id: "InterviewRequestPreview" }),
    },
  },
  problems: [404, 422],
});

export const sendRequestEndpoint = endpoint({
  operationId: "sendInterviewRequest",
  method: "POST",
  path: "/studies/{study}/recruitment/flagged/{entry}/request",
  tag: "Recruitment",
  summary: "Send the interview request (the step to `invited`): queued through the outbox, audited",
  description: "Allowed from `flagged`, and again from `no_answer`. 409 when the status, contact details or consent do not allow it.",
  params: entryParams,
  body: { kind: "json", schema: requestBodySchema.meta({ id: "InterviewRequestInput" }) },
  responses: {
    200: {
      description: "Queued; the person is invited",
      schema: z.object({ queued: z.boolean(), number: z.number().int().describe("0 for the first request"), status: z.literal("invited") }).meta({ id: "InterviewRequestSent" }),
    },
  },
  problems: [404, 409, 413, 415, 422],
});

export const recordStepsEndpoint = endpoint({
  operationId: "recordRecruitmentSteps",
  method: "POST",
  path: "/studies/{study}/recruitment/steps",
  tag: "Recruitment",
  summary: "Record one step (agreed, interviewed, declined, no answer) and/or a note for several people at once",
  description:
    "All or nothing: when one entry cannot take the step, nothing is saved and each refusal is named (422, path `entries`). " +
    "The day may not be in the future in the study's time zone. Each step and note is audited.",
  params: studyParams,
  body: { kind: "json", schema: stepsInputSchema.meta({ id: "RecruitmentStepsInput" }) },
  responses: {
    200: {
      description: "Recorded",
      schema: z.object({ status: statuses.nullable(), updated: z.array(z.object({ id: z.uuid(), code: z.string() })) }).meta({ id: "RecruitmentStepsRecorded" }),
    },
  },
  problems: [404, 409, 413, 415, 422],
});
