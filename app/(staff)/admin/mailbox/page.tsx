// GET /admin/mailbox – the local mailbox (mail delivered when no SMTP server is set). Admins only.
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { listMailbox } from "../../../../lib/mail/read-mailbox";
import { staffPage } from "../../staff-page";
import { formatDate } from "../../../../lib/i18n/format-date";

export const dynamic = "force-dynamic";

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = z.object({ page: z.coerce.number().int().min(1).max(100000).default(1) }).safeParse(await searchParams);
  if (!q.success) notFound();
  const { rt, user } = await staffPage(["admin"], "/admin/mailbox");
  const { messages, total, pages } = await listMailbox(rt.db, rt.config.personalDataKey, user, q.data.page, new Date());
  return (
    <>
      <p><Link href="/admin">← Admin</Link></p>
      <h1>Local mailbox</h1>
      <p className="muted">
        {rt.config.smtpUrl ? "An SMTP server is configured, so new mail goes there; this lists earlier local deliveries." : "No SMTP server is configured: every email Panelwave sends lands here."} {total} {total === 1 ? "message" : "messages"}; each is deleted {rt.config.mailboxRetentionDays} days after it arrived.
      </p>
      <table className="stack-table cards-on-phone">
        <thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id}>
              <td data-label="Received (UTC)">{formatDate(m.createdAt, "second", { timeZone: "UTC" })}</td>
              <td data-label="To">{m.toAddress}</td>
              <td data-label="Subject"><Link href={`/admin/mailbox/${m.id}`}>{m.subject}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages" style={{ marginTop: "1rem", display: "flex", gap: "1rem" }}>
        {q.data.page > 1 && <Link href={`/admin/mailbox?page=${q.data.page - 1}`}>Newer</Link>}
        <span>Page {q.data.page} of {pages}</span>
        {q.data.page < pages && <Link href={`/admin/mailbox?page=${q.data.page + 1}`}>Older</Link>}
      </nav>
    </>
  );
}
