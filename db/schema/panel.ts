// The panel: pseudonymous participants, their contact data (kept apart, encrypted) and consents.
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { studies } from "./studies";
import { waves } from "./waves";

export const participants = pgTable(
  "participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    /** Short pseudonymous id shown to researchers and in exports (e.g. "P-7K3QX9"). */
    code: text("code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when the person withdraws from all contact; their contact row is erased then. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("participants_study_code_uq").on(t.studyId, t.code)],
);

export const contacts = pgTable(
  "contacts",
  {
    participantId: uuid("participant_id")
      .primaryKey()
      .references(() => participants.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    /** AES-256-GCM ciphertext of the email (lib/crypto), never the plain address. */
    emailEncrypted: text("email_encrypted").notNull(),
    /** HMAC-SHA-256 of the normalised email, for duplicate detection without decrypting. */
    emailHash: text("email_hash").notNull(),
    language: text("language").notNull(),
    bouncedAt: timestamp("bounced_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("contacts_study_email_uq").on(t.studyId, t.emailHash)],
);

export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"follow_up_surveys" | "interview_contact" | (string & {})>().notNull(),
    granted: boolean("granted").notNull(),
    /** The exact wording shown, its version and language. */
    wordingVersion: text("wording_version"),
    wordingText: text("wording_text"),
    /** SHA-256 (hex) of wordingText: the consent_wordings row of the text shown. */
    wordingHash: text("wording_hash"),
    language: text("language"),
    waveId: uuid("wave_id"),
    /** How it was given or withdrawn: "survey", "unsubscribe_link", "admin", "import", "reconsent". */
    method: text("method").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consents_participant_kind_idx").on(t.participantId, t.kind, t.recordedAt)],
);

/**
 * An email typed in an unauthenticated (open-link) response that already belongs to another panel
 * member's verified contact. It is the new participant's *unverified* contact: never used to mail
 * anyone, never moved into `contacts`, never a reason to change the existing member's consents.
 * The existing address is asked "Was this you?" (outbox kind `link_confirmation`); only a POST from
 * that link (token hashed here, single use, expiring) moves the response to the existing member.
 * docs/decisions.md, "Unverified open-link contacts".
 */
export const unverifiedContacts = pgTable(
  "unverified_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The participant created for the open-link response that gave the address. */
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    waveId: uuid("wave_id").notNull().references(() => waves.id, { onDelete: "cascade" }),
    /** The panel member whose verified contact has this address: the one asked to confirm. */
    existingParticipantId: uuid("existing_participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** AES-256-GCM ciphertext of the address (normalised), like contacts; erased once answered. */
    emailEncrypted: text("email_encrypted"),
    emailHash: text("email_hash"),
    /** The language the response was given in. */
    language: text("language").notNull(),
    /** SHA-256 of the confirmation link's token (derived from the id and the key; never stored). */
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set once, by the confirming POST; the link is spent afterwards. */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** Set once, when the address's owner says it was not them; the link is spent afterwards. */
    rejectedAt: timestamp("rejected_at", { withTimezone: true }),
  },
  (t) => [
    index("unverified_contacts_participant_idx").on(t.participantId),
    index("unverified_contacts_existing_idx").on(t.existingParticipantId),
  ],
);

/**
 * A checked panel file waiting for the researcher's confirmation (the browser import): the file
 * as CSV text and the preview shown, both encrypted like contacts, with the file's SHA-256 so
 * the confirmation imports exactly what was previewed. Deleted once imported; expired drafts are
 * deleted by the next check. docs/decisions.md, "Panel import in the browser".
 */
export const panelImportDrafts = pgTable(
  "panel_import_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    /** The staff user who uploaded it; only they may confirm it. */
    userId: text("user_id").notNull(),
    fileName: text("file_name").notNull(),
    /** SHA-256 (hex) of the CSV bytes checked; the confirm form carries it back. */
    sha256: text("sha256").notNull(),
    /** AES-256-GCM ciphertext (lib/crypto) of the CSV bytes, base64. */
    csvEncrypted: text("csv_encrypted").notNull(),
    /** AES-256-GCM ciphertext of the preview (the dry run's result or refusal), JSON. */
    previewEncrypted: text("preview_encrypted").notNull(),
    /** The import options chosen (existing, dateFormat, wordingVersion). */
    options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("panel_import_drafts_expires_idx").on(t.expiresAt)],
);
