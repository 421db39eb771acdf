// GET /studies/:slug/panel/keep-in-touch – keep-in-touch mailings between waves: each with its
// report (sent, bounced, opened My details, confirmed, changed), and the form to create one.
import Link from "next/link";
import { formatDate } from "../../../../../../lib/i18n/format-date";
import { studyTimeZone } from "../../../../../../lib/i18n/study-time-zone";
import { getKeepInTouchPage } from "../../../../../../lib/panel/keep-in-touch";
import { orNotFound, studyScreen } from "../../recruitment/study-screen";
import { KeepInTouchForm } from "./keep-in-touch-form";

export const dynamic = "force-dynamic";

export default async function KeepInTouchPage(props: { params: Promise<{ slug: string }> }) {
  const { rt, user, slug } = await studyScreen(props.params, "panel/keep-in-touch");
  const s = await orNotFound(getKeepInTouchPage(rt.db, user, slug));
  const timeZone = studyTimeZone(s.study.settings);
  const when = (d: Date) => formatDate(d, "minute", { timeZone });
  return (
    <>
      <p><Link href={`/studies/${slug}/panel`}>← Panel</Link></p>
      <h1>Keep in touch</h1>
      <p className="muted">
        A short message between waves, with no questionnaire, asking people to check their details (the email carries their My details link).
        Counts after sending: opened My details, said their details are still right, or changed them.
      </p>
      <h2>Mailings</h2>
      {s.mailings.length === 0 ? <p>No mailings yet.</p> : (
        <table className="stack-table">
          <thead><tr>
            <th scope="col">Subject</th><th scope="col">To</th><th scope="col">Send at ({timeZone})</th><th scope="col">Recipients</th>
            <th scope="col">Sent</th><th scope="col">Bounced</th><th scope="col">Opened My details</th><th scope="col">Still right</th><th scope="col">Changed</th>
          </tr></thead>
          <tbody>
            {s.mailings.map((m) => (
              <tr key={m.id}>
                <td data-label="Subject">{m.subject}</td>
                <td data-label="To">{m.olderThanMonths ? `Details older than ${m.olderThanMonths} months` : "Whole panel"}</td>
                <td data-label={`Send at (${timeZone})`}>{when(m.sendAt)}{m.sentAt ? "" : " (scheduled)"}</td>
                <td data-label="Recipients">{m.sentAt ? m.recipients : "–"}</td>
                <td data-label="Sent">{m.sent}</td>
                <td data-label="Bounced">{m.bounced}</td>
                <td data-label="Opened My details">{m.opened}</td>
                <td data-label="Still right">{m.confirmed}</td>
                <td data-label="Changed">{m.changed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>New mailing</h2>
      <KeepInTouchForm slug={slug} languages={s.study.languages} timeZone={timeZone} />
    </>
  );
}
