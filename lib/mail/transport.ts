// The one module that sends mail. With an SMTP URL: nodemailer's pooled SMTP transport. Without:
// the local mailbox table, which admins read at /admin/mailbox (the demo shows every message),
// with the recipient, bodies and headers sealed under the personal-data key.
import { createTransport } from "nodemailer";
import type { Db } from "../../db/client";
import { insertMailboxMessage } from "../../db/queries/mailbox";
import { ConfigError } from "../errors/config-error";
import { sealMailboxFields } from "./mailbox-seal";

export type OutgoingMessage = {
  to: string;
  from: string;
  replyTo?: string | null;
  subject: string;
  html: string;
  text: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: Record<string, string>;
  /** Message-ID, stable per outbox row so a repeated delivery carries the same id. */
  messageId: string;
  outboxId: number | null;
  /** The envelope sender (MAIL FROM): the message's VERP address, where reports of failure go. */
  returnPath?: string;
  /** Files sent with it (an interview's calendar invitation). */
  attachments?: MailAttachment[];
};

export type MailAttachment = { filename: string; contentType: string; content: string };

export type MailTransport = {
  kind: "smtp" | "mailbox";
  /** How many messages may be in flight at once (the SMTP pool size). */
  concurrency: number;
  /** Resolves once the server accepted the message; rejects with nodemailer's error otherwise. */
  send(msg: OutgoingMessage): Promise<{ providerMessageId: string }>;
  close(): Promise<void>;
};

export type TransportOptions = {
  /** smtp://user:pass@host:port or smtps://…; absent means the local mailbox. */
  smtpUrl?: string;
  /** Pool size (default 5). */
  maxConnections?: number;
  /** Seals the local mailbox's addresses, bodies and headers (required without an SMTP URL). */
  personalDataKey?: Buffer;
  /** For a local test server without TLS. */
  ignoreTLS?: boolean;
  /** Timeouts in ms; kept well under the outbox lease (docs/outbox.md). */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
};

export function createMailTransport(db: Db, opts: TransportOptions): MailTransport {
  if (!opts.smtpUrl) {
    if (!opts.personalDataKey) throw new ConfigError("The local mailbox needs the personal-data key to seal what it stores");
    return mailboxTransport(db, opts.personalDataKey);
  }
  const maxConnections = opts.maxConnections ?? 5;
  const transporter = createTransport({
    url: opts.smtpUrl,
    pool: true,
    maxConnections,
    maxMessages: 500,
    ignoreTLS: opts.ignoreTLS ?? false,
    connectionTimeout: opts.connectionTimeoutMs ?? 15_000,
    greetingTimeout: opts.connectionTimeoutMs ?? 15_000,
    socketTimeout: opts.socketTimeoutMs ?? 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: "smtp",
    // More messages in flight than connections, so the pool never idles while a lane records an outcome.
    concurrency: maxConnections * 4,
    async send(m) {
      const info = await transporter.sendMail({
        from: m.from,
        to: m.to,
        replyTo: m.replyTo ?? undefined,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: m.headers,
        messageId: m.messageId,
        ...(m.returnPath ? { envelope: { from: m.returnPath, to: m.to } } : {}),
        attachments: m.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
      const queued = /queued as ([^\s]+)/i.exec(String(info.response ?? ""))?.[1];
      return { providerMessageId: queued ? `${info.messageId} ${queued}` : String(info.messageId) };
    },
    async close() {
      transporter.close();
    },
  };
}

function mailboxTransport(db: Db, key: Buffer): MailTransport {
  return {
    kind: "mailbox",
    concurrency: 4,
    async send(m) {
      // Addresses and working personal links are sealed like contacts; admins read them opened.
      await insertMailboxMessage(db, sealMailboxFields(key, {
        outboxId: m.outboxId,
        toAddress: m.to,
        fromAddress: m.from,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: { ...m.headers, "Message-ID": m.messageId, ...(m.replyTo ? { "Reply-To": m.replyTo } : {}), ...(m.returnPath ? { "Return-Path": `<${m.returnPath}>` } : {}) },
        attachments: m.attachments ?? [],
      }));
      return { providerMessageId: m.messageId };
    },
    async close() {},
  };
}
