// GET /studies/:slug/waves/emails/test/:request – the test message the signed-in user sent
// themselves, exactly as sent: subject, HTML and text in the chosen language, and its delivery.
// Only its sender finds it (everyone else gets 404, admins too).
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NotFound } from "../../../../../../../../lib/errors/app-error";
import { studyTimeZone } from "../../../../../../../../lib/i18n/study-time-zone";
import { getTestEmail } from "../../../../../../../../lib/mail/preview-email";
import { slugSchema } from "../../../../../../../../lib/studies/study-schema";
import { staffPage } from "../../../../../../staff-page";
import { LiveRefresh } from "../../../../../../live-refresh";
import { StudyTime } from "../../../study-time";
import "../../../waves.css";

export const dynamic = "force-dynamic";

const STATUS: Record<string, string> = {
  pending: "queued; it goes within a minute", sending: "being sent", sent: "sent", failed: "not delivered", cancelled: "cancelled", bounced: "bounced",
};

export default async function TestEmailPage({ params }: { params: Promise<{ slug: string; request: string }> }) {
  const p = z.object({ slug: slugSchema, request: z.string().uuid() }).safeParse(await params);
  if (!p.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${p.data.slug}/waves/emails/test/${p.data.request}`);
  const m = await getTestEmail(rt.db, user, p.data.slug, p.data.request).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const tz = studyTimeZone(m.study.settings);
  return (
    <>
      {(m.status === "pending" || m.status === "sending") && <LiveRefresh seconds={5} />}
      <p><Link href={`/studies/${m.study.slug}/waves/emails?template=${m.template}&lang=${m.language}`}>← Email templates</Link></p>
      <h1>Your test message</h1>
      <dl className="email-meta">
        <dt>To</dt><dd>{m.to}</dd>
        <dt>Subject</dt><dd>{m.rendered.subject}</dd>
        <dt>Template</dt><dd>{m.template}, language {m.language}</dd>
        <dt>Queued</dt><dd><StudyTime at={m.createdAt} timeZone={tz} /></dd>
        <dt>Delivery</dt><dd><span role="status">{STATUS[m.status] ?? m.status}{m.sentAt ? <>, <StudyTime at={m.sentAt} timeZone={tz} /></> : null}</span></dd>
      </dl>
      <h2>As it looks (HTML)</h2>
      <iframe title={`The test message: ${m.rendered.subject}`} srcDoc={m.rendered.html} sandbox="" style={{ width: "100%", height: "34rem", border: "1px solid var(--line)" }} />
      <h2>Plain text</h2>
      <pre style={{ whiteSpace: "pre-wrap" }}>{m.rendered.text}</pre>
      <p className="muted">The personal link and the stop-emails link are placeholders in a test; real messages get each person&apos;s own.</p>
    </>
  );
}
