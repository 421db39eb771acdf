// The local mailbox: where mail is delivered when no SMTP server is configured.
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { mailbox } from "../schema";

export type MailboxInsert = {
  outboxId: number | null;
  toAddress: string;
  fromAddress: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
};

/** Stores a delivered message; a second delivery of the same outbox message is a no-op. */
export async function insertMailboxMessage(db: Db, m: MailboxInsert): Promise<void> {
  await db.insert(mailbox).values(m).onConflictDoNothing({ target: mailbox.outboxId });
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
