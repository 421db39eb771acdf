// Keep-in-touch mailings: a short message between waves, with no questionnaire, asking the panel to
// check their details on My details (lib/panel/keep-in-touch.ts, docs/keep-in-touch.md).
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants } from "./panel";
import { studies } from "./studies";

export type KeepInTouchMessage = { subject: string; body: string };

export const keepInTouchMailings = pgTable(
  "keep_in_touch_mailings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    /** The researcher's subject and body per study language (plain text, escaped when rendered). */
    messages: jsonb("messages").$type<Record<string, KeepInTouchMessage>>().notNull(),
    /** Only those whose details were not confirmed or changed within this many months; null: the whole panel. */
    olderThanMonths: integer("older_than_months"),
    sendAt: timestamp("send_at", { withTimezone: true }).notNull(),
    /** When the recipients were chosen and their mail queued (by "Send now" or the reconcile job). */
    sentAt: timestamp("sent_at", { withTimezone: true }),
    recipients: integer("recipients").notNull().default(0),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("keep_in_touch_mailings_due_idx").on(t.sendAt)],
);

/** One person a mailing went to, and when they opened My details after it. */
export const keepInTouchRecipients = pgTable(
  "keep_in_touch_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mailingId: uuid("mailing_id").notNull().references(() => keepInTouchMailings.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The first time they opened My details after the mailing was queued. */
    detailsOpenedAt: timestamp("details_opened_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("keep_in_touch_recipients_mailing_participant_uq").on(t.mailingId, t.participantId),
    index("keep_in_touch_recipients_participant_idx").on(t.participantId),
  ],
);
