// Consent records as shown: every wording a person was shown, once per study, kind and content
// hash (the consents rows point at it by hash), and re-consent requests with their recipients.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants } from "./panel";
import { studies } from "./studies";

/**
 * A consent wording exactly as rendered (label and wording, answers piped in, in the language
 * shown), kept once per study, kind and SHA-256 of the text: thousands of consents given to the
 * same text share one row. Wording with piped answers is personal data (docs/consent-records.md).
 */
export const consentWordings = pgTable(
  "consent_wordings",
  {
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** SHA-256 of `text` (UTF-8), hex. */
    hash: text("hash").notNull(),
    /** The version label the text was first recorded under. */
    wordingVersion: text("wording_version"),
    language: text("language"),
    text: text("text").notNull(),
    firstRecordedAt: timestamp("first_recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.studyId, t.kind, t.hash] })],
);

/** A new consent version sent to everyone who agreed to an older one (lib/consents/send-reconsent.ts). */
export const reconsentRequests = pgTable(
  "reconsent_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    wordingVersion: text("wording_version").notNull(),
    /** The wording per language, as the researcher wrote it; the page shows the person's language or the study's default. */
    wording: jsonb("wording").$type<Record<string, string>>().notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    recipients: integer("recipients").notNull().default(0),
  },
  (t) => [uniqueIndex("reconsent_requests_study_kind_version_uq").on(t.studyId, t.kind, t.wordingVersion)],
);

/** One person asked in a re-consent request; the /c/<token> link names this row (token hashed here). */
export const reconsentRecipients = pgTable(
  "reconsent_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => reconsentRequests.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    /** SHA-256 of the link's token (derived from the row id and the key; never stored). */
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    granted: boolean("granted"),
  },
  (t) => [
    uniqueIndex("reconsent_recipients_request_participant_uq").on(t.requestId, t.participantId),
    index("reconsent_recipients_participant_idx").on(t.participantId),
  ],
);
