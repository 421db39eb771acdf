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
  summary: "Import or update participants with contacts and consents from CSV",
  description:
    "Columns: `email` (required), `language` (one of the study's; default its default language), `code` (a pseudonymous id; " +
    "generated when empty), `consent_date`, and one `consent_<kind>` column per consent kind (yes/no), e.g. `consent_follow_up_surveys`. " +
    "Dates (`consent_date`) are never guessed: ISO dates (YYYY-MM-DD) always pass; with `dateFormat` (DD.MM.YYYY, DD/MM/YYYY, MM/DD/YYYY) " +
    "dates in that format pass; without it a date such as 12.01.2025, which could be day/month or month/day, is a problem of its row. " +
    "Comma, semicolon or tab separated, UTF-8. Every row is checked first: with `dryRun=true` the problems are listed (200); " +
    "otherwise any problem answers 422 listing the problems (the first 1,000, by row) and nothing is stored. All rows go in one transaction. " +
    "Whether an email is already in the panel is personal data: admins get it row by row, researchers only as a total (`alreadyInPanel`). " +
    "People already in the panel (`existing`): `error` (the default, unchanged for existing clients) makes an email or code already held a problem of its row; " +
    "`skip` leaves out rows whose email is held; `update` (the browser's default) updates the person whose code the row gives: email and language " +
    "(the contact is replaced; the change is audited, never the address) and consents (a value that differs from the latest recorded one is appended " +
    "as a new consent record with the row's `consent_date` and `wordingVersion`; history is never rewritten, and an older date than the recorded one is a problem). " +
    "A withdrawn person's row is refused; a row identical to what is held is `unchanged` and not written; a row without a code whose email is held is refused. " +
    "Each row's outcome (`added`, `updated` with the fields it changes, `unchanged`, `skipped`, `refused`) is listed in `outcomes` for the first 1,000 rows, " +
    "in a dry run as in the import; email values appear in `changes` for admins only. " +
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
    created: z.number().int().describe("People stored (0 in a dry run)"),
    added: z.number().int().describe("Rows that add a person (in a dry run: would add)"),
    updated: z.number().int().describe("Rows that change a person already in the panel (existing=update)"),
    unchanged: z.number().int().describe("Rows naming a person already in the panel with nothing to change; not written"),
    skipped: z.number().int().describe("Rows whose email was already in the panel (existing=skip)"),
    alreadyInPanel: z.number().int().describe("Rows whose email is already in the study's panel; only admins get these row by row in `problems`"),
    problemCount: z.number().int().describe("All problems found; `problems` lists the first 1,000 by row"),
    problems: z.array(z.object({ path: z.string(), row: z.number().int(), column: z.string(), message: z.string() })),
    outcomes: z.array(z.object({
      row: z.number().int(),
      code: z.string().nullable().describe("Null: generated on import"),
      outcome: z.enum(["added", "updated", "unchanged", "skipped", "refused"]),
      changes: z.array(z.object({
        field: z.string().describe("`email`, `language` or `consent_<kind>`"),
        from: z.string().nullable().optional().describe("The value held (consents yes/no; email for admins only)"),
        to: z.string().optional().describe("The file's value (email for admins only)"),
      })).optional().describe("Updated rows: the fields that change"),
    })).describe("The first 1,000 rows with what the import does (or would do) with each"),
  })
  .meta({ id: "PanelImport" });

export const listParticipantsEndpoint = endpoint({
  operationId: "listParticipants",
  method: "GET",
  path: "/studies/{study}/participants",
  tag: "Panel",
  summary: "Pseudonymous participants with their status per wave",
  description:
    "No contact details. Paged by code: pass `next` as `after` for the next page. Filters: `code` (codes starting with it), " +
    "`wave` with `status` (the person's invitation to that wave has that status), `consent` with `consentState` " +
    "(the latest consent of that kind is granted, withdrawn or was never recorded; granted when left out).",
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
          language: z.string().nullable().describe("The contact's language; null once the contact is erased"),
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

const participantParams = studyParams.extend({ code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).describe("The participant's code") });

export const getParticipantEndpoint = endpoint({
  operationId: "getParticipant",
  method: "GET",
  path: "/studies/{study}/participants/{code}",
  tag: "Panel",
  summary: "One participant: waves with status and dates, consents with wording versions, language",
  description: "`email` is given to admins only (null for researchers).",
  params: participantParams,
  responses: {
    200: {
      description: "The participant",
      schema: z.object({
        code: z.string(), createdAt: dateTime, withdrawnAt: dateTime.nullable(), language: z.string().nullable(), hasContact: z.boolean(),
        bouncedAt: dateTime.nullable(), email: z.string().nullable().describe("Admins only"),
        waves: z.array(z.object({
          wave: z.string(), name: z.string(), waveStatus: z.enum(["scheduled", "open", "closed"]), open: z.boolean(),
          invitation: z.enum(["pending", "sent", "opened", "started", "completed", "bounced", "opted_out"]),
          invitedAt: dateTime.nullable(), sentAt: dateTime.nullable(), openedAt: dateTime.nullable(), startedAt: dateTime.nullable(), completedAt: dateTime.nullable(),
        })),
        consents: z.array(z.object({
          kind: z.string(), granted: z.boolean(), wordingVersion: z.string().nullable(), language: z.string().nullable(), method: z.string(), recordedAt: dateTime, wave: z.string().nullable(),
        })).describe("Every grant and withdrawal, newest first"),
      }).meta({ id: "Participant" }),
    },
  },
  problems: [404],
});

export const resendInvitationEndpoint = endpoint({
  operationId: "resendInvitation",
  method: "POST",
  path: "/studies/{study}/participants/{code}/resend",
  tag: "Panel",
  summary: "Send a wave's invitation to one participant again (through the outbox)",
  description:
    "Refused (422, the reason under `wave`) when the person withdrew, has no contact, bounced, has not granted (or withdrew) the wave's consent, " +
    "already completed, or the wave is not open. Repeating it within a minute queues nothing more. Recorded in the audit log.",
  params: participantParams,
  body: { kind: "json", schema: z.object({ wave: z.string().regex(/^[a-z0-9-]{1,64}$/).describe("The wave's slug") }) },
  responses: { 200: { description: "Queued, or already queued a moment ago", schema: z.object({ queued: z.boolean(), message: z.string() }) } },
  problems: [404, 413, 415, 422],
});

export const withdrawParticipantEndpoint = endpoint({
  operationId: "withdrawParticipant",
  method: "POST",
  path: "/studies/{study}/participants/{code}/withdraw",
  tag: "Panel",
  summary: "Withdraw a participant on their request (admins)",
  description:
    "Full withdrawal: email consents withdrawn, waiting mail cancelled, open invitations opted out, contact details erased " +
    "(after the confirmation email where the study sends one). Answers already given stay. Idempotent. Admins only (403). Recorded in the audit log.",
  params: participantParams,
  responses: {
    200: {
      description: "Withdrawn",
      schema: z.object({
        code: z.string(), alreadyWithdrawn: z.boolean(), cancelledMail: z.number().int(), invitationsOptedOut: z.number().int(),
        contactErased: z.boolean(), confirmationQueued: z.boolean(),
      }).meta({ id: "Withdrawal" }),
    },
  },
  problems: [403, 404],
});

export const listKeepInTouchEndpoint = endpoint({
  operationId: "listKeepInTouchMailings",
  method: "GET",
  path: "/studies/{study}/panel/keep-in-touch",
  tag: "Panel",
  summary: "Keep-in-touch mailings with their reports",
  description:
    "The study's keep-in-touch mailings, newest first: whom each went to (the whole panel, or details older than `olderThanMonths`), when, and counts only: recipients, messages sent and bounced, and how many then opened My details, said their details are still right, or changed them (docs/keep-in-touch.md).",
  params: studyParams,
  responses: {
    200: {
      description: "The mailings",
      schema: z.object({
        mailings: z.array(z.object({
          id: z.string(), subject: z.string().describe("In the study's default language"), languages: z.array(z.string()),
          olderThanMonths: z.number().int().nullable(), sendAt: dateTime, sentAt: dateTime.nullable(), createdAt: dateTime,
          recipients: z.number().int(), sent: z.number().int(), bounced: z.number().int(), opened: z.number().int(), confirmed: z.number().int(), changed: z.number().int(),
        })),
      }).meta({ id: "KeepInTouchMailings" }),
    },
  },
  problems: [404],
});
