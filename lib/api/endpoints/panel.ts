// The panel: CSV import and the pseudonymous participant list.
import { z } from "zod";
import { importOptionsSchema, MAX_IMPORT_BYTES } from "../../panel/import-panel";
import { participantQuerySchema } from "../../panel/list-participants";
import { endpoint } from "../endpoint";
import { dateTime, studyParams } from "../schemas";

export const importPanelEndpoint = endpoint({
  operationId: "importPanel",
  method: "POST",
  path: "/studies/{study}/panel/import",
  tag: "Panel",
  summary: "Import participants with contacts and consents from CSV",
  description:
    "Columns: `email` (required), `language` (one of the study's; default its default language), `code` (a pseudonymous id; " +
    "generated when empty), `consent_date`, and one `consent_<kind>` column per consent kind (yes/no), e.g. `consent_follow_up_surveys`. " +
    "Comma, semicolon or tab separated, UTF-8. Every row is checked first: with `dryRun=true` the problems are listed (200); " +
    "otherwise any problem answers 422 listing the problems (the first 1,000, by row) and nothing is stored. All rows go in one transaction. " +
    "Whether an email is already in the panel is personal data: admins get it row by row, researchers only as a total (`alreadyInPanel`). " +
    "Every import and dry run is recorded in the audit log.",
  params: studyParams,
  query: importOptionsSchema,
  body: { kind: "upload", mediaTypes: ["text/csv", "text/plain", "application/octet-stream"], maxBytes: MAX_IMPORT_BYTES, description: "The CSV file (at most 32 MB, 200,000 rows, 10,000 characters a row)" },
  responses: {
    200: { description: "Dry run: what would happen, with every problem", schema: z.lazy(() => importResultSchema) },
    201: { description: "Imported", schema: z.lazy(() => importResultSchema) },
  },
  problems: [400, 404, 409, 413, 415, 422],
});

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    columns: z.array(z.string()).describe("The header's columns as recognised"),
    refusedRows: z.number().int().describe("Rows with at least one problem of their own"),
    created: z.number().int(),
    skipped: z.number().int().describe("Rows whose email was already in the panel (existing=skip)"),
    alreadyInPanel: z.number().int().describe("Rows whose email is already in the study's panel; only admins get these row by row in `problems`"),
    problemCount: z.number().int().describe("All problems found; `problems` lists the first 1,000 by row"),
    problems: z.array(z.object({ path: z.string(), row: z.number().int(), column: z.string(), message: z.string() })),
  })
  .meta({ id: "PanelImport" });

export const listParticipantsEndpoint = endpoint({
  operationId: "listParticipants",
  method: "GET",
  path: "/studies/{study}/participants",
  tag: "Panel",
  summary: "Pseudonymous participants with their status per wave",
  description: "No contact details. Paged by code: pass `next` as `after` for the next page.",
  params: studyParams,
  query: participantQuerySchema,
  responses: {
    200: {
      description: "One page",
      schema: z.object({
        participants: z.array(z.object({
          code: z.string(),
          createdAt: dateTime,
          withdrawn: z.boolean(),
          withdrawnAt: dateTime.nullable(),
          hasContact: z.boolean(),
          consents: z.record(z.string(), z.boolean()).describe("The latest consent of each kind"),
          waves: z.record(z.string(), z.object({
            invitation: z.enum(["pending", "sent", "opened", "started", "completed", "bounced", "opted_out"]).nullable(),
            response: z.enum(["started", "completed"]).nullable(),
            trajectory: z.enum(["stayed", "returned", "moved_on", "unknown"]).nullable(),
          })).describe("By wave slug; waves the person has nothing in are left out"),
        })),
        next: z.string().nullable(),
      }).meta({ id: "ParticipantPage" }),
    },
  },
  problems: [404, 422],
});
