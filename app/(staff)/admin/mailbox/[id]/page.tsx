// GET /admin/mailbox/:id – one local-mailbox message as the recipient sees it. Admins only; audited.
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NotFound } from "../../../../../lib/errors/app-error";
import { readMailboxMessage } from "../../../../../lib/mail/read-mailbox";
import { staffPage } from "../../../staff-page";

export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.coerce.number().int().positive().safeParse((await params).id);
  if (!id.success) notFound();
  const { rt, user } = await staffPage(["admin"], `/admin/mailbox/${id.data}`);
  const m = await readMailboxMessage(rt.db, rt.config.personalDataKey, user, id.data, new Date()).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  return (
    <>
      <p><Link href="/admin/mailbox">← Local mailbox</Link></p>
      <h1>{m.subject}</h1>
      <table aria-label="Headers">
        <tbody>
          <tr><th scope="row">From</th><td>{m.fromAddress}</td></tr>
          <tr><th scope="row">To</th><td>{m.toAddress}</td></tr>
          <tr><th scope="row">Received</th><td>{m.createdAt.toISOString()}</td></tr>
          {Object.entries(m.headers).map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td><code>{v}</code></td></tr>)}
        </tbody>
      </table>
      <iframe title="The message as the recipient sees it" srcDoc={m.html.replace("<head>", '<head><base target="_blank">')} sandbox="allow-popups allow-popups-to-escape-sandbox" style={{ width: "100%", height: "36rem", border: "1px solid var(--line)", marginTop: "1rem" }} />
      {m.attachments.length > 0 && (
        <>
          <h2>Attachments</h2>
          {m.attachments.map((a, i) => (
            <details key={i}>
              <summary><code>{a.filename}</code> <span className="muted">{a.contentType}</span></summary>
              <pre className="attachment" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{a.content}</pre>
            </details>
          ))}
        </>
      )}
      <h2>Plain text</h2>
      <pre style={{ whiteSpace: "pre-wrap" }}>{m.text}</pre>
    </>
  );
}
