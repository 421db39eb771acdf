// Contact points: every address and phone number a participant is known by, each with its own
// state, consent and origin; the tokens that confirm a new one; what was known as of each wave;
// and where the person lives now. The `contacts` row stays the one address mail goes to, rewritten
// from these points (lib/contact-points). docs/decisions.md, "Contact points and contacts".
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants } from "./panel";
import { studies } from "./studies";
import { waves } from "./waves";

export type ContactPointKind = "email" | "phone";
export type ContactPointRole = "primary" | "secondary";
export type ContactPointState = "unconfirmed" | "confirmed" | "bounced" | "removed";
export type ContactPointSource = "import" | "survey" | "details" | "admin";

export const contactPoints = pgTable(
  "contact_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ContactPointKind>().notNull(),
    /** AES-256-GCM ciphertext of the normalised value (lib/crypto), like contacts; null once erased. */
    valueEncrypted: text("value_encrypted"),
    /** Keyed hash of the normalised value (emailHash for email, the "phone-hash" purpose for phones). */
    valueHash: text("value_hash").notNull(),
    role: text("role").$type<ContactPointRole>().notNull(),
    state: text("state").$type<ContactPointState>().notNull(),
    /** Whether the person agreed to be contacted at this point. */
    consent: boolean("consent").notNull().default(true),
    source: text("source").$type<ContactPointSource>().notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** The last time a message to it was accepted, or it was confirmed. */
    lastWorkedAt: timestamp("last_worked_at", { withTimezone: true }),
    bouncedAt: timestamp("bounced_at", { withTimezone: true }),
    softBounceCount: integer("soft_bounce_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contact_points_participant_value_uq").on(t.participantId, t.kind, t.valueHash),
    index("contact_points_study_hash_idx").on(t.studyId, t.valueHash),
  ],
);

/**
 * A link that confirms a new or changed contact point: only its SHA-256 is stored; single use
 * (used_at), expiring, and bound to the participant whose My-details link asked for it.
 */
export const contactPointTokens = pgTable(
  "contact_point_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    contactPointId: uuid("contact_point_id").notNull().references(() => contactPoints.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("contact_point_tokens_participant_idx").on(t.participantId)],
);

/**
 * One row per change to a participant's contact points or residence, with the wave current then
 * (the latest wave of the study opened at that time): what was known as of each wave. No values,
 * only which point changed and how.
 */
export const contactHistory = pgTable(
  "contact_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    waveId: uuid("wave_id").references(() => waves.id, { onDelete: "set null" }),
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id, { onDelete: "set null" }),
    /** e.g. "added", "confirmed", "bounced", "soft_bounce", "removed", "primary", "residence", "language". */
    change: text("change").notNull(),
    /** The point's kind, role and state after the change, or the residence's country. */
    detail: text("detail"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contact_history_participant_at_idx").on(t.participantId, t.at)],
);

/**
 * What the person said of themselves on My details: where they live now (country ISO 3166-1
 * alpha-2, town encrypted) and the language they want.
 */
export const participantDetails = pgTable("participant_details", {
  participantId: uuid("participant_id").primaryKey().references(() => participants.id, { onDelete: "cascade" }),
  studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
  country: text("country"),
  /** AES-256-GCM ciphertext of the town: free text a person typed. */
  townEncrypted: text("town_encrypted"),
  /** The language the person chose on My details: it wins over older answers (lib/i18n). */
  language: text("language"),
  languageSetAt: timestamp("language_set_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
