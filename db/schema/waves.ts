// Waves, personal invitations and responses.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants } from "./panel";
import { instrumentVersions, studies } from "./studies";

export type WaveStatus = "scheduled" | "open" | "closed";
export type WaveMode = "open_link" | "panel";

/** Who is invited to a panel wave. */
export type TargetRule = {
  /** Consent kind that must be granted and not withdrawn. */
  consent?: string;
  /** Only those who completed this earlier wave. */
  completedWaveId?: string;
};

export type WaveSchedule = {
  invitationAt?: string;
  reminders?: { afterDays: number }[];
  remindIf?: "not_started" | "not_completed";
  closingReminderDaysBefore?: number | null;
  sendRatePerSecond?: number;
};

export const waves = pgTable(
  "waves",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    /** URL-safe name used in open links: /j/<study>/<wave>. */
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    instrumentVersionId: uuid("instrument_version_id")
      .notNull()
      .references(() => instrumentVersions.id),
    mode: text("mode").$type<WaveMode>().notNull(),
    status: text("status").$type<WaveStatus>().notNull(),
    opensAt: timestamp("opens_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    targetRule: jsonb("target_rule").$type<TargetRule>(),
    schedule: jsonb("schedule").$type<WaveSchedule>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("waves_study_slug_uq").on(t.studyId, t.slug)],
);

export type InvitationStatus =
  | "pending" | "sent" | "opened" | "started" | "completed" | "bounced" | "opted_out";

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: uuid("wave_id").notNull().references(() => waves.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    /** SHA-256 of the access token in the personal link; the token is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    status: text("status").$type<InvitationStatus>().notNull().default("pending"),
    reminderCount: integer("reminder_count").notNull().default(0),
    /** Prior-wave values piped into this wave's questions ("In 2022 you lived in …"). */
    preload: jsonb("preload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_wave_participant_uq").on(t.waveId, t.participantId),
    index("invitations_wave_status_idx").on(t.waveId, t.status),
    // A bounce or an opt-out updates all of one person's open invitations, across waves.
    index("invitations_participant_idx").on(t.participantId),
  ],
);

export type ResponseStatus = "started" | "completed";
export type Trajectory = "stayed" | "returned" | "moved_on" | "unknown";

export const responses = pgTable(
  "responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: uuid("wave_id").notNull().references(() => waves.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    /** Null for an open-link response until consent links it to a participant. */
    participantId: uuid("participant_id").references(() => participants.id, { onDelete: "set null" }),
    invitationId: uuid("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    /** SHA-256 of the open-link session token (open waves have no invitation). */
    sessionHash: text("session_hash").unique(),
    /** Answers keyed by variable name. */
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull().default({}),
    currentPage: text("current_page"),
    status: text("status").$type<ResponseStatus>().notNull().default("started"),
    language: text("language").notNull(),
    /** Optimistic concurrency: each accepted submit increments it. */
    revision: integer("revision").notNull().default(0),
    /** Idempotency key of the last accepted submit, so a retried post is not applied twice. */
    lastSubmitKey: text("last_submit_key"),
    /**
     * Email answers given on a page before the last, AES-256-GCM encrypted (a JSON object by
     * variable name), kept out of `answers` until completion moves them to contacts; null after.
     */
    pendingContactEncrypted: text("pending_contact_encrypted"),
    trajectory: text("trajectory").$type<Trajectory>(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("responses_wave_participant_uq").on(t.waveId, t.participantId),
    index("responses_wave_status_idx").on(t.waveId, t.status),
    index("responses_study_updated_idx").on(t.studyId, t.updatedAt),
    // A person's latest response in any wave: the language they last answered in.
    index("responses_participant_updated_idx").on(t.participantId, t.updatedAt),
  ],
);
