// Interview recruitment: rules that flag participants, and each person's place in the pipeline.
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants } from "./panel";
import { studies } from "./studies";
import { waves } from "./waves";

export type RecruitmentStatus = "flagged" | "invited" | "agreed" | "interviewed" | "declined" | "no_answer";

export const recruitmentRules = pgTable("recruitment_rules", {
  id: uuid("id").primaryKey().defaultRandom(),
  studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  waveId: uuid("wave_id").references(() => waves.id, { onDelete: "cascade" }),
  /** e.g. { trajectories: ["returned","moved_on"], consent: "interview_contact" }. */
  rule: jsonb("rule").$type<Record<string, unknown>>().notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const recruitment = pgTable(
  "recruitment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    ruleId: uuid("rule_id").references(() => recruitmentRules.id, { onDelete: "set null" }),
    waveId: uuid("wave_id").references(() => waves.id, { onDelete: "set null" }),
    status: text("status").$type<RecruitmentStatus>().notNull().default("flagged"),
    notes: text("notes"),
    flaggedAt: timestamp("flagged_at", { withTimezone: true }).notNull().defaultNow(),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    agreedAt: timestamp("agreed_at", { withTimezone: true }),
    interviewedAt: timestamp("interviewed_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("recruitment_study_participant_uq").on(t.studyId, t.participantId),
    index("recruitment_study_status_idx").on(t.studyId, t.status),
  ],
);
