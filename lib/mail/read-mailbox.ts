// The local mailbox, for admins only (Forbidden otherwise): the list and one message, opened
// (decrypted) for display only; each view is audited.
import type { Db } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { countMailboxMessages, findMailboxMessage, listMailboxMessages } from "../../db/queries/mailbox";
import type { StaffUser } from "../auth/current-user";
import { requireAdmin } from "../auth/permissions";
import { NotFound } from "../errors/app-error";
import { openMailboxFields } from "./mailbox-seal";

export const MAILBOX_PAGE_SIZE = 50;

/** A page of the mailbox, newest first; audited, since it lists recipients' addresses. */
export async function listMailbox(db: Db, key: Buffer, user: StaffUser, page: number, now: Date) {
  requireAdmin(user, "the mailbox");
  const [messages, total] = await Promise.all([
    listMailboxMessages(db, { limit: MAILBOX_PAGE_SIZE, offset: (page - 1) * MAILBOX_PAGE_SIZE }),
    countMailboxMessages(db),
  ]);
  await insertAudit(db, { userId: user.id, studyId: null, action: "mailbox.list", target: `page ${page}`, rowCount: messages.length, details: { role: user.role }, at: now });
  return { messages: messages.map((m) => openMailboxFields(key, m)), total, pages: Math.max(1, Math.ceil(total / MAILBOX_PAGE_SIZE)) };
}

/** One message as delivered; the view is audited, since it shows a recipient's address. */
export async function readMailboxMessage(db: Db, key: Buffer, user: StaffUser, id: number, now: Date) {
  requireAdmin(user, "the mailbox");
  const m = await findMailboxMessage(db, id);
  if (!m) throw new NotFound("Message not found");
  await insertAudit(db, { userId: user.id, studyId: null, action: "mailbox.view", target: String(id), rowCount: 1, details: { role: user.role }, at: now });
  return openMailboxFields(key, m);
}
