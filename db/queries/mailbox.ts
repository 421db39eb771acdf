// The local mailbox: where mail is delivered when no SMTP server is configured. The recipient,
// bodies and header values arrive sealed (lib/mail/mailbox-seal.ts); these queries never open them.
import { desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { mailbox, type MailboxAttachment } from "../schema";
import { preparedStatement } from "./prepared";

export type MailboxInsert = {
  outboxId: number | null;
  toAddress: string;
  fromAddress: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attachments?: MailboxAttachment[];
};

// Prepared: the local mailbox transport stores every message the outbox sends, one at a time.
const insertStatement = preparedStatement("mailbox.insert", (db, name) =>
  db
    .insert(mailbox)
    .values({
      outboxId: sql.placeholder("outboxId"),
      toAddress: sql.placeholder("toAddress"),
      fromAddress: sql.placeholder("fromAddress"),
      subject: sql.placeholder("subject"),
      html: sql.placeholder("html"),
      text: sql.placeholder("text"),
      headers: sql.placeholder("headers"),
      attachments: sql.placeholder("attachments"),
    })
    .onConflictDoNothing({ target: mailbox.outboxId })
    .prepare(name),
);

/** Stores a delivered message; a second delivery of the same outbox message is a no-op. */
export async function insertMailboxMessage(db: Db, m: MailboxInsert): Promise<void> {
  await insertStatement(db).execute({ ...m, attachments: m.attachments ?? [] });
}

/** Newest first, without bodies. */
export function listMailboxMessages(db: Db, opts: { limit: number; offset: number }) {
  return db
    .select({
      id: mailbox.id,
      toAddress: mailbox.toAddress,
      subject: mailbox.subject,
      createdAt: mailbox.createdAt,
      outboxId: mailbox.outboxId,
    })
    .from(mailbox)
    .orderBy(desc(mailbox.id))
    .limit(opts.limit)
    .offset(opts.offset);
}

export async function countMailboxMessages(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(mailbox);
  return Number(row?.n ?? 0);
}

export async function findMailboxMessage(db: Db, id: number) {
  const [row] = await db.select().from(mailbox).where(eq(mailbox.id, id)).limit(1);
  return row ?? null;
}

/** Deletes up to `limit` messages stored before `cutoff`, oldest first; returns how many. */
export async function deleteMailboxMessagesBefore(db: Db, cutoff: Date, limit: number): Promise<number> {
  const old = db.select({ id: mailbox.id }).from(mailbox).where(lt(mailbox.createdAt, cutoff)).orderBy(mailbox.id).limit(limit);
  const gone = await db.delete(mailbox).where(inArray(mailbox.id, old)).returning({ id: mailbox.id });
  return gone.length;
}

/** Messages stored in plain text by a version before sealing (their body is not sealed). */
export function findUnsealedMailboxMessages(db: Db, sealedPattern: string, limit: number) {
  return db
    .select({ id: mailbox.id, toAddress: mailbox.toAddress, html: mailbox.html, text: mailbox.text, headers: mailbox.headers })
    .from(mailbox)
    .where(sql`${mailbox.html} !~ ${sealedPattern}`)
    .orderBy(mailbox.id)
    .limit(limit);
}

export async function updateMailboxFields(db: Db, id: number, m: Pick<MailboxInsert, "toAddress" | "html" | "text" | "headers">): Promise<void> {
  await db.update(mailbox).set(m).where(eq(mailbox.id, id));
}
