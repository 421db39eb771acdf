// The outbox (every email to send) and the local mailbox used when no SMTP server is configured.
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants } from "./panel";
import { studies } from "./studies";
import { waves } from "./waves";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "cancelled" | "bounced";

export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    studyId: uuid("study_id").references(() => studies.id, { onDelete: "cascade" }),
    waveId: uuid("wave_id").references(() => waves.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").references(() => participants.id, { onDelete: "cascade" }),
    /** For staff mail (sign-in, test sends): the user it goes to. */
    userId: text("user_id"),
    kind: text("kind").notNull(),
    number: integer("number").notNull().default(0),
    template: text("template").notNull(),
    language: text("language").notNull(),
    /** Template data that is not personal (links are rebuilt at send time). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /** (wave, participant, kind, number) or another natural key: a message is queued once. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: text("status").$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_participant_idx").on(t.participantId),
  ],
);

export type MailboxAttachment = { filename: string; contentType: string; content: string };

export const mailbox = pgTable(
  "mailbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** One local-mailbox copy per outbox message: a retried delivery is not stored twice. */
    outboxId: integer("outbox_id"),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    /** Files sent with the message (a calendar invitation), content sealed like the bodies. */
    attachments: jsonb("attachments").$type<MailboxAttachment[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mailbox_outbox_uq").on(t.outboxId)],
);
