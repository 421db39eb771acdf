// Reports beyond the frequency table (data.ts): "other, specify" texts, the interviewees' table and contact health.
import { z } from "zod";
import { contactHealthQuerySchema } from "../../reports/get-contact-health";
import { otherTextsQuerySchema } from "../../reports/list-other-texts";
import { endpoint } from "../endpoint";
import { dateTime, studyParams } from "../schemas";

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

export const classificationSheetEndpoint = endpoint({
  operationId: "exportClassificationSheet",
  method: "GET",
  path: "/studies/{study}/reports/interviewees/classification",
  tag: "Reports",
  summary: "The interviewees as an NVivo case classification sheet (XLSX; audited)",
  description: "One row per interviewee as in getIntervieweeTable: a Case column with the pseudonymous code, then one column per characteristic. Every download is in the audit log (export.interviewees), as from the interviews screen.",
  params: studyParams,
  responses: { 200: { description: "The sheet", files: [{ mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description: "XLSX" }] } },
  problems: [404],
});

export const qdpxEndpoint = endpoint({
  operationId: "exportQdpx",
  method: "GET",
  path: "/studies/{study}/reports/interviewees/qdpx",
  tag: "Reports",
  summary: "The interviewees as a REFI-QDA project (.qdpx; audited)",
  description: "A REFI-QDA project (project.qde in a zip) with one case per interviewee and a Text variable per characteristic, for NVivo, ATLAS.ti or MAXQDA. Every download is in the audit log (export.interviewees).",
  params: studyParams,
  responses: { 200: { description: "The project", files: [{ mediaType: "application/vnd.refi-qda+zip", description: "REFI-QDA project" }] } },
  problems: [404],
});

const nonContactGroup = z.object({ people: z.number().int(), attempts: z.number().int().describe("Messages that went out or bounced for these people in this wave") });

export const contactHealthEndpoint = endpoint({
  operationId: "getContactHealth",
  method: "GET",
  path: "/studies/{study}/reports/contact-health",
  tag: "Reports",
  summary: "Contact health: working, bounced and unreached addresses; the non-contacts of each wave",
  description:
    "Counts over participants who have not withdrawn: with an address, with a confirmed working one (a message delivered and not bounced), bounced, and not reached (no message delivered) in the last `months` months. Per panel wave, the invitations behind the AAPOR non-contact codes (bounced: NC; never delivered: O; delivered but not opened: part of U) with the messages tried. Counts only.",
  params: studyParams,
  query: contactHealthQuerySchema,
  responses: {
    200: {
      description: "The counts",
      schema: z.object({
        months: z.number().int(),
        since: dateTime,
        counts: z.object({ active: z.number().int(), withAddress: z.number().int(), confirmed: z.number().int(), bounced: z.number().int(), unreachable: z.number().int(), changed: z.number().int().describe("Changed their own details on My details since the latest wave opened"), changedSince: dateTime.nullable() }),
        waves: z.array(z.object({ slug: z.string(), name: z.string(), bounced: nonContactGroup, neverDelivered: nonContactGroup, notOpened: nonContactGroup })),
      }).meta({ id: "ContactHealth" }),
    },
  },
  problems: [404, 422],
});
