// The outbox (every email to send) and the local mailbox used when no SMTP server is configured.
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    // id last: the claim orders by (next_attempt_at, id), and a wave queues thousands with one
    // next_attempt_at; without id every claim sorted all of them (22 ms at 88,000, on disk).
    index("outbox_due_idx").on(t.status, t.nextAttemptAt, t.id),
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

/**
 * One bounce of one message: a delivery status notification received at the message's VERP return
 * path ("dsn") or a permanent refusal while sending ("smtp"). No address in clear: the contact's
 * email hash says which address it was (lib/mail/bounces/apply-bounce.ts). A DSN delivered twice
 * is stored once (outbox, source, status, action).
 */
export const mailBounces = pgTable(
  "mail_bounces",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    outboxId: bigint("outbox_id", { mode: "number" }).notNull().references(() => outbox.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").references(() => participants.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").references(() => studies.id, { onDelete: "cascade" }),
    waveId: uuid("wave_id").references(() => waves.id, { onDelete: "cascade" }),
    /** HMAC of the address the message went to (contacts.email_hash at the time), never the address. */
    emailHash: text("email_hash"),
    hard: boolean("hard").notNull(),
    /** "dsn" (an RFC 3464 report) or "smtp" (refused while sending). */
    source: text("source").$type<"dsn" | "smtp">().notNull(),
    /** "failed" or "delayed" (the DSN's Action). */
    action: text("action").notNull(),
    /** The enhanced status code, e.g. "5.1.1". */
    status: text("status").notNull(),
    /** The server's words, with any address replaced by "<address>". */
    diagnostic: text("diagnostic"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("mail_bounces_message_uq").on(t.outboxId, t.source, t.status, t.action),
    index("mail_bounces_participant_idx").on(t.participantId, t.receivedAt),
    index("mail_bounces_wave_idx").on(t.waveId),
  ],
);
