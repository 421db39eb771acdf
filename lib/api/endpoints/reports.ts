// Reports beyond the frequency table (data.ts): "other, specify" texts and the interviewees' table.
import { z } from "zod";
import { otherTextsQuerySchema } from "../../reports/list-other-texts";
import { endpoint } from "../endpoint";
import { studyParams } from "../schemas";

export const otherTextsEndpoint = endpoint({
  operationId: "listOtherTexts",
  method: "GET",
  path: "/studies/{study}/reports/other-texts",
  tag: "Reports",
  summary: "What respondents wrote in a question's “other, specify” field (pseudonymous, 25 a page)",
  description: "Completed responses of the wave, oldest first; each row has the participant's pseudonymous code (null for an open-link response no panel member holds) and the text.",
  params: studyParams,
  query: otherTextsQuerySchema,
  responses: {
    200: {
      description: "One page",
      schema: z.object({
        wave: z.object({ slug: z.string(), name: z.string() }),
        question: z.object({ name: z.string(), label: z.string() }),
        variable: z.string(), total: z.number().int(), page: z.number().int(), pages: z.number().int(), pageSize: z.number().int(),
        rows: z.array(z.object({ code: z.string().nullable(), text: z.string() })),
      }).meta({ id: "OtherTexts" }),
    },
  },
  problems: [404, 422],
});

export const intervieweesEndpoint = endpoint({
  operationId: "getIntervieweeTable",
  method: "GET",
  path: "/studies/{study}/reports/interviewees",
  tag: "Reports",
  summary: "The interviewees' characteristics (one row per person interviewed, else those who agreed)",
  description: "Columns are the study settings' recruitment characteristics, printed with their value labels (else the questionnaire's option labels). Pseudonymous.",
  params: studyParams,
  responses: {
    200: {
      description: "The table",
      schema: z.object({
        basis: z.enum(["interviewed", "agreed"]).describe("Whom the rows describe"),
        caption: z.string(),
        columns: z.array(z.object({ key: z.string(), label: z.string() })),
        rows: z.array(z.object({ number: z.number().int(), code: z.string(), cells: z.array(z.string()) })),
      }).meta({ id: "IntervieweeTable" }),
    },
  },
  problems: [404],
});
