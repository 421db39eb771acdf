// The personal-data registry: for every table in db/schema, whether it holds personal data, in
// which columns (encrypted or not), how one participant's rows are found, and what each erasure
// kind and retention do with them. Erasure (erase-participant.ts), the access export
// (access-export.ts), retention (retention.ts) and the data-protection page all read it, and a
// test fails for a table in the schema without an entry here (tests/unit/privacy).
//
// Adding a table: add one entry to PERSONAL_DATA below (keep erasure order: rows that point at a
// participant before `participants` itself). A table about participants needs `rowsFor` (the
// access export) and `erase` for both kinds; one without personal data says why in `holds`.
import type { Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { consents, contactHistory, reconsentRecipients, keepInTouchRecipients, interviewBookings, contactPointTokens, contactPoints, contacts, invitations, mailBounces, participantDetails, mailbox, outbox, panelImportDrafts, participants, recruitment, responses, unverifiedContacts } from "../../db/schema";
import {
  clearPendingContact, countStudyMailbox, countStudyRows, deleteMailboxCopies, deleteOutboxOf, deleteUnverifiedContactsOf, deleteWhere,
  markWithdrawn, replaceCodeInAudit, auditEntriesNaming, rowsWhere, rowsWhereIn, unverifiedContactsOf,
} from "../../db/queries/privacy";
import { openMailboxFields } from "../mail/mailbox-seal";

export type ErasureKind = "contact" | "everything";
export const ERASURE_KINDS: readonly ErasureKind[] = ["contact", "everything"];

/** Whose data a table holds: panel participants, staff users, or nobody's. */
export type Subject = "participant" | "staff" | "none";

/** One participant, as erasure and the access export see them. */
export type Person = {
  participantId: string;
  studyId: string;
  code: string;
  /** Their outbox message ids, read before anything is erased (mailbox copies hang off them). */
  outboxIds: number[];
  /** What replaces the code in the audit log after "delete everything". */
  erasureRef: string;
  key: Buffer;
  now: Date;
};

export type Column_ = { name: string; encrypted: boolean; what: string };

export type TableRule = {
  /** The SQL table name (as in the schema). */
  table: string;
  subject: Subject;
  /** What the table holds, in one line (for the data-protection page). */
  holds: string;
  /** Columns with personal data (empty when none). */
  columns: Column_[];
  /** How one participant's rows are found, in words (data-protection page). */
  findBy?: string;
  /** Rows about the person, as the access export shows them. */
  rowsFor?: (db: Db, p: Person) => Promise<Record<string, unknown>[]>;
  /** What each erasure kind does, in words, and the deed (returns rows affected). */
  erase?: Record<ErasureKind, { does: string; run: (db: Db, p: Person) => Promise<number> }>;
  /** Which retention period deletes its personal data, study-wide (retention.ts). */
  retention?: "contact" | "mailbox" | "answers";
  /** Rows and people in one study (data-protection page); omitted where not per study. */
  count?: (db: Db, studyId: string) => Promise<{ rows: number; people: number }>;
};

const none = (table: string, holds: string, subject: Subject = "none"): TableRule => ({ table, subject, holds, columns: [] });
const keep = (does: string) => ({ does, run: async () => 0 });
const byPerson = (table: PgTable, column: Column) => (db: Db, p: Person) => rowsWhere(db, table, column, p.participantId);
const deleteByPerson = (does: string, table: PgTable, column: Column) => ({ does, run: (db: Db, p: Person) => deleteWhere(db, table, column, p.participantId) });
const countBy = (table: PgTable, studyColumn: Column, personColumn: Column | null) => (db: Db, studyId: string) => countStudyRows(db, table, studyColumn, studyId, personColumn);

// A draft may hold the person's address among many: the study's drafts go (a re-upload brings them back).
const dropDrafts = { does: "the study's pending drafts are deleted", run: (db: Db, p: Person) => deleteWhere(db, panelImportDrafts, panelImportDrafts.studyId, p.studyId) };

/** In erasure order: what points at a participant comes before `participants`. */
export const PERSONAL_DATA: readonly TableRule[] = [
  {
    table: "contact_point_tokens", subject: "participant", holds: "Hashes of the links that confirm a new address (single use, expiring)",
    columns: [{ name: "token_hash", encrypted: true, what: "SHA-256 of the confirmation link's token" }],
    findBy: "participant_id", rowsFor: byPerson(contactPointTokens, contactPointTokens.participantId),
    erase: { contact: deleteByPerson("deleted", contactPointTokens, contactPointTokens.participantId), everything: deleteByPerson("deleted", contactPointTokens, contactPointTokens.participantId) },
    retention: "contact",
  },
  {
    table: "contact_history", subject: "participant", holds: "What changed in a person's contact details and when (no addresses), with the wave current then",
    columns: [{ name: "change", encrypted: false, what: "kind of change" }, { name: "detail", encrypted: false, what: "role, state or country after the change" }],
    findBy: "participant_id", rowsFor: byPerson(contactHistory, contactHistory.participantId),
    erase: { contact: deleteByPerson("deleted", contactHistory, contactHistory.participantId), everything: deleteByPerson("deleted", contactHistory, contactHistory.participantId) },
    retention: "contact", count: countBy(contactHistory, contactHistory.studyId, contactHistory.participantId),
  },
  {
    table: "contact_points", subject: "participant", holds: "Every email address and phone number a person gave, with its state, consent and source",
    columns: [{ name: "value_encrypted", encrypted: true, what: "email address or phone number (AES-256-GCM)" }, { name: "value_hash", encrypted: true, what: "keyed hash of the value (HMAC)" }],
    findBy: "participant_id", rowsFor: byPerson(contactPoints, contactPoints.participantId),
    erase: { contact: deleteByPerson("deleted", contactPoints, contactPoints.participantId), everything: deleteByPerson("deleted", contactPoints, contactPoints.participantId) },
    retention: "contact", count: countBy(contactPoints, contactPoints.studyId, contactPoints.participantId),
  },
  {
    table: "participant_details", subject: "participant", holds: "Where a person says they live now (country, town) and the language they chose",
    columns: [{ name: "country", encrypted: false, what: "country of residence (ISO code)" }, { name: "town_encrypted", encrypted: true, what: "town of residence (AES-256-GCM)" }, { name: "language", encrypted: false, what: "chosen language" }],
    findBy: "participant_id", rowsFor: byPerson(participantDetails, participantDetails.participantId),
    erase: { contact: deleteByPerson("deleted", participantDetails, participantDetails.participantId), everything: deleteByPerson("deleted", participantDetails, participantDetails.participantId) },
    retention: "contact", count: countBy(participantDetails, participantDetails.studyId, participantDetails.participantId),
  },
  {
    table: "contacts", subject: "participant", holds: "Each participant's email address and language",
    columns: [{ name: "email_encrypted", encrypted: true, what: "email address (AES-256-GCM)" }, { name: "email_hash", encrypted: true, what: "keyed hash of the address (HMAC)" }, { name: "language", encrypted: false, what: "preferred language" }],
    findBy: "participant_id", rowsFor: byPerson(contacts, contacts.participantId),
    erase: { contact: deleteByPerson("deleted", contacts, contacts.participantId), everything: deleteByPerson("deleted", contacts, contacts.participantId) },
    retention: "contact", count: countBy(contacts, contacts.studyId, contacts.participantId),
  },
  {
    table: "unverified_contacts", subject: "participant", holds: "Addresses typed in open-link responses that belong to a panel member, until confirmed",
    columns: [{ name: "email_encrypted", encrypted: true, what: "email address" }, { name: "email_hash", encrypted: true, what: "keyed hash of the address" }],
    findBy: "participant_id or existing_participant_id", rowsFor: (db, p) => unverifiedContactsOf(db, p.participantId),
    erase: { contact: { does: "deleted", run: (db, p) => deleteUnverifiedContactsOf(db, p.participantId) }, everything: { does: "deleted", run: (db, p) => deleteUnverifiedContactsOf(db, p.participantId) } },
    retention: "contact", count: countBy(unverifiedContacts, unverifiedContacts.studyId, unverifiedContacts.participantId),
  },
  {
    table: "mailbox", subject: "participant", holds: "Local copies of sent email (when no SMTP server is configured)",
    columns: [{ name: "to_address", encrypted: true, what: "recipient address" }, { name: "html", encrypted: true, what: "message with personal links" }, { name: "text", encrypted: true, what: "message with personal links" }, { name: "headers", encrypted: true, what: "unsubscribe link" }],
    findBy: "outbox_id of the person's outbox messages",
    rowsFor: async (db, p) => (await rowsWhereIn(db, mailbox, mailbox.outboxId, p.outboxIds)).map((m) => openMailboxFields(p.key, m as { toAddress: string; html: string; text: string; headers: Record<string, string> })),
    erase: { contact: { does: "deleted", run: (db, p) => deleteMailboxCopies(db, p.outboxIds) }, everything: { does: "deleted", run: (db, p) => deleteMailboxCopies(db, p.outboxIds) } },
    retention: "mailbox", count: countStudyMailbox,
  },
  {
    table: "mail_bounces", subject: "participant", holds: "Bounces of the person's email: status code and the server's words (addresses replaced), under the address's keyed hash",
    columns: [{ name: "email_hash", encrypted: true, what: "keyed hash of the address that bounced" }, { name: "diagnostic", encrypted: false, what: "the mail server's answer (addresses replaced)" }],
    findBy: "participant_id", rowsFor: byPerson(mailBounces, mailBounces.participantId),
    erase: { contact: deleteByPerson("deleted", mailBounces, mailBounces.participantId), everything: deleteByPerson("deleted", mailBounces, mailBounces.participantId) },
    count: countBy(mailBounces, mailBounces.studyId, mailBounces.participantId),
  },
  {
    table: "outbox", subject: "participant", holds: "Every email queued, with its kind, template, language and delivery state (no address)",
    columns: [{ name: "participant_id", encrypted: false, what: "who it was for" }, { name: "last_error", encrypted: false, what: "the mail server's answer, may quote the address" }],
    findBy: "participant_id", rowsFor: byPerson(outbox, outbox.participantId),
    erase: { contact: { does: "deleted (waiting mail cancelled with it)", run: (db, p) => deleteOutboxOf(db, p.participantId) }, everything: { does: "deleted", run: (db, p) => deleteOutboxOf(db, p.participantId) } },
    count: countBy(outbox, outbox.studyId, outbox.participantId),
  },
  {
    table: "interview_bookings", subject: "participant", holds: "Interview bookings: which slot, the person's time zone and language, held or not",
    columns: [{ name: "time_zone", encrypted: false, what: "the person's time zone (where they live)" }, { name: "language", encrypted: false, what: "interview language" }],
    findBy: "participant_id", rowsFor: byPerson(interviewBookings, interviewBookings.participantId),
    erase: { contact: deleteByPerson("deleted, like the recruitment entry", interviewBookings, interviewBookings.participantId), everything: deleteByPerson("deleted", interviewBookings, interviewBookings.participantId) },
    count: countBy(interviewBookings, interviewBookings.studyId, interviewBookings.participantId),
  },
  {
    table: "recruitment", subject: "participant", holds: "Each person's place in interview recruitment and the team's notes",
    columns: [{ name: "notes", encrypted: false, what: "free-text recruitment notes" }, { name: "status", encrypted: false, what: "recruitment step" }],
    findBy: "participant_id", rowsFor: byPerson(recruitment, recruitment.participantId),
    erase: { contact: deleteByPerson("deleted (no more interview contact)", recruitment, recruitment.participantId), everything: deleteByPerson("deleted", recruitment, recruitment.participantId) },
    retention: "contact", count: countBy(recruitment, recruitment.studyId, recruitment.participantId),
  },
  {
    table: "responses", subject: "participant", holds: "Answers per wave (pseudonymous), and an email answer waiting for completion",
    columns: [{ name: "answers", encrypted: false, what: "answers, may include free text" }, { name: "pending_contact_encrypted", encrypted: true, what: "email answer before completion" }],
    findBy: "participant_id", rowsFor: byPerson(responses, responses.participantId),
    erase: { contact: { does: "answers kept; a waiting email answer is cleared", run: (db, p) => clearPendingContact(db, p.participantId) }, everything: deleteByPerson("deleted", responses, responses.participantId) },
    retention: "answers", count: countBy(responses, responses.studyId, responses.participantId),
  },
  {
    table: "invitations", subject: "participant", holds: "Personal invitations per wave: status, dates, prior-wave values piped into questions",
    columns: [{ name: "preload", encrypted: false, what: "prior-wave answers" }, { name: "token_hash", encrypted: true, what: "hash of the personal link" }],
    findBy: "participant_id", rowsFor: byPerson(invitations, invitations.participantId),
    erase: { contact: keep("kept; the personal links stop working (their hashes move to erased_links)"), everything: deleteByPerson("deleted; link hashes move to erased_links", invitations, invitations.participantId) },
    retention: "answers", count: countBy(invitations, invitations.studyId, invitations.participantId),
  },
  {
    table: "reconsent_recipients", subject: "participant", holds: "Who was asked to agree to a new consent version, and their answer (the answer itself is in consents)",
    columns: [{ name: "token_hash", encrypted: true, what: "SHA-256 of the re-consent link's token" }, { name: "granted", encrypted: false, what: "the answer" }],
    findBy: "participant_id", rowsFor: byPerson(reconsentRecipients, reconsentRecipients.participantId),
    erase: { contact: deleteByPerson("deleted (the link stops working)", reconsentRecipients, reconsentRecipients.participantId), everything: deleteByPerson("deleted", reconsentRecipients, reconsentRecipients.participantId) },
    count: countBy(reconsentRecipients, reconsentRecipients.studyId, reconsentRecipients.participantId),
  },
  {
    table: "keep_in_touch_recipients", subject: "participant", holds: "Who a keep-in-touch mailing went to, and when they opened My details after it",
    columns: [{ name: "details_opened_at", encrypted: false, what: "when they opened My details after the mailing" }],
    findBy: "participant_id", rowsFor: byPerson(keepInTouchRecipients, keepInTouchRecipients.participantId),
    erase: { contact: deleteByPerson("deleted", keepInTouchRecipients, keepInTouchRecipients.participantId), everything: deleteByPerson("deleted", keepInTouchRecipients, keepInTouchRecipients.participantId) },
    count: countBy(keepInTouchRecipients, keepInTouchRecipients.studyId, keepInTouchRecipients.participantId),
  },
  {
    table: "consents", subject: "participant", holds: "Each consent given or withdrawn, with the wording shown",
    columns: [{ name: "wording_text", encrypted: false, what: "the wording shown" }, { name: "method", encrypted: false, what: "how it was given" }],
    findBy: "participant_id", rowsFor: byPerson(consents, consents.participantId),
    erase: { contact: keep("kept as the record of consent; email consents are withdrawn"), everything: deleteByPerson("deleted", consents, consents.participantId) },
    count: countBy(consents, consents.studyId, consents.participantId),
  },
  {
    table: "audit_log", subject: "participant", holds: "Who exported or viewed what; entries about one person name their pseudonymous code",
    columns: [{ name: "target", encrypted: false, what: "participant code (pseudonymous)" }, { name: "details", encrypted: false, what: "filters and outcomes, never addresses" }],
    findBy: "the participant code in target or details",
    rowsFor: (db, p) => auditEntriesNaming(db, p.studyId, p.code),
    erase: {
      contact: keep("kept: entries name only the pseudonymous code, which stays with the kept answers"),
      everything: { does: "the code is replaced by the erasure's reference, so the entries stay but name no one", run: (db, p) => replaceCodeInAudit(db, p.studyId, p.code, p.erasureRef) },
    },
  },
  {
    table: "panel_import_drafts", subject: "participant", holds: "A checked panel file awaiting confirmation (encrypted, expires within hours)",
    columns: [{ name: "csv_encrypted", encrypted: true, what: "the uploaded panel file" }, { name: "preview_encrypted", encrypted: true, what: "its preview" }],
    findBy: "not per person (a whole encrypted file)", rowsFor: async () => [],
    erase: { contact: dropDrafts, everything: dropDrafts },
    count: countBy(panelImportDrafts, panelImportDrafts.studyId, null),
  },
  {
    table: "participants", subject: "participant", holds: "The panel: pseudonymous code, when they joined and withdrew",
    columns: [{ name: "code", encrypted: false, what: "pseudonymous code" }],
    findBy: "id", rowsFor: byPerson(participants, participants.id),
    erase: { contact: { does: "kept as withdrawn", run: async (db, p) => (await markWithdrawn(db, p.participantId, p.now), 1) }, everything: deleteByPerson("deleted", participants, participants.id) },
    count: countBy(participants, participants.studyId, participants.id),
  },
  { table: "erased_links", subject: "none", holds: "Hashes of erased people's link tokens, linked to nobody (for the calm \"no longer available\" page)", columns: [] },
  // Staff: accounts of researchers and admins, not panel members.
  { table: "users", subject: "staff", holds: "Staff accounts: name, email, role", columns: [{ name: "email", encrypted: false, what: "staff email" }, { name: "name", encrypted: false, what: "staff name" }] },
  { table: "sessions", subject: "staff", holds: "Staff sign-in sessions", columns: [{ name: "ip_address", encrypted: false, what: "client address" }, { name: "user_agent", encrypted: false, what: "browser" }] },
  { table: "accounts", subject: "staff", holds: "Staff credentials (password hashes)", columns: [{ name: "password", encrypted: true, what: "password hash" }] },
  { table: "interview_slots", subject: "staff", holds: "Interview slots interviewers publish: start, mode, the video link or place, their time zone", columns: [{ name: "interviewer_id", encrypted: false, what: "the interviewer (staff user)" }, { name: "video_url", encrypted: false, what: "video link" }, { name: "place", encrypted: false, what: "meeting place" }] },
  none("consent_wordings", "Each consent text as shown, once per study, kind and hash: shared by everyone shown it, named by no participant (a wording with a piped answer would be personal: consents keep the link to it and are erased with the person)"),
  none("keep_in_touch_mailings", "Keep-in-touch mailings the team scheduled (their texts per language)"),
  none("reconsent_requests", "New consent versions the team sent (the wording per language)"),
  none("verifications", "Hashed sign-in and reset secrets", "staff"),
  none("study_members", "Which staff user belongs to which study", "staff"),
  none("api_tokens", "Hashes of staff API tokens", "staff"),
  none("auth_throttle", "Sign-in attempt counters under keyed hashes"),
  none("rate_limits", "Request counters of the sign-in endpoints"),
  none("rate_limit_counters", "Request counters under keyed hashes of client addresses"),
  none("studies", "Study settings and texts (the team's contact, not participants')"),
  none("instruments", "Questionnaires"),
  none("instrument_versions", "Questionnaire versions"),
  none("waves", "Waves and their schedules"),
  none("recruitment_rules", "Rules that flag people for interviews"),
  none("meta", "Facts about the installation"),
];

export function ruleFor(table: string): TableRule | undefined {
  return PERSONAL_DATA.find((r) => r.table === table);
}

/** The tables that hold participants' data, in erasure order. */
export const participantTables = () => PERSONAL_DATA.filter((r) => r.subject === "participant");
