// GET /studies/:slug/panel/people/:code – one person: their waves with status and dates, consents
// with their wording versions, language, contact details (admins only), and what staff can do:
// show the personal link, resend an invitation, withdraw the person on their request (admins).
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate } from "../../../../../../../lib/i18n/format-date";
import { studyTimeZone } from "../../../../../../../lib/i18n/study-time-zone";
import { getParticipant } from "../../../../../../../lib/panel/participant-page";
import { orNotFound, studyScreen } from "../../../recruitment/study-screen";
import { consentName, INVITATION_STATUS } from "../../labels";
import { EraseForm, LinkForm, ResendForm, WithdrawForm } from "./person-actions";

export const dynamic = "force-dynamic";

export default async function PersonPage(props: { params: Promise<{ slug: string; code: string }> }) {
  const { code } = await props.params;
  const { rt, user, slug } = await studyScreen(props.params, `panel/people/${encodeURIComponent(code)}`);
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) notFound();
  const p = await orNotFound(getParticipant(rt.db, rt.config.personalDataKey, user, slug, code, new Date()));
  const timeZone = studyTimeZone(p.study.settings);
  const at = (d: Date | null) => (d ? formatDate(d, "minute", { timeZone }) : "–");
  const admin = user.role === "admin";
  const canMail = !p.withdrawnAt && p.hasContact;
  return (
    <>
      <p><Link href={`/studies/${slug}/panel`}>← Panel of {p.study.name}</Link></p>
      <h1>Participant <code>{p.code}</code></h1>
      <dl className="person-facts" style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: ".25rem 1rem" }}>
        <dt>Language</dt><dd style={{ margin: 0 }}>{p.language ?? "–"}</dd>
        <dt>In the panel since</dt><dd style={{ margin: 0 }}>{at(p.createdAt)}</dd>
        <dt>State</dt><dd style={{ margin: 0 }}>{p.withdrawnAt ? `withdrew ${at(p.withdrawnAt)}` : p.hasContact ? (p.bouncedAt ? `address bounced ${at(p.bouncedAt)}` : "active") : "no contact details"}</dd>
        {admin && <><dt>Email</dt><dd style={{ margin: 0, overflowWrap: "anywhere" }}>{p.email ?? (p.hasContact ? "–" : "erased or never given")}</dd></>}
      </dl>
      {!admin && <p className="muted">Contact details are shown to admins only.</p>}
      <p className="muted">Times in {timeZone}.</p>

      <h2 id="waves-title">Waves</h2>
      {p.waves.length === 0 ? <p>Not invited to any wave yet.</p> : (
        <table className="stack-table" aria-labelledby="waves-title">
          <thead>
            <tr><th scope="col">Wave</th><th scope="col">Status</th><th scope="col">Invited</th><th scope="col">Opened</th><th scope="col">Started</th><th scope="col">Completed</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {p.waves.map((w) => (
              <tr key={w.waveSlug}>
                <td data-label="Wave">{w.waveName} <span className="muted">({w.waveStatus})</span></td>
                <td data-label="Status">{INVITATION_STATUS[w.status] ?? w.status}</td>
                <td data-label="Invited">{at(w.sentAt)}</td>
                <td data-label="Opened">{at(w.openedAt)}</td>
                <td data-label="Started">{at(w.startedAt)}</td>
                <td data-label="Completed">{at(w.completedAt)}</td>
                <td data-label="Actions">
                  {w.open && !p.withdrawnAt ? (
                    <div style={{ display: "grid", gap: ".5rem" }}>
                      <LinkForm slug={slug} code={p.code} wave={w.waveSlug} waveName={w.waveName} />
                      {canMail && w.status !== "completed" && <ResendForm slug={slug} code={p.code} wave={w.waveSlug} waveName={w.waveName} />}
                    </div>
                  ) : <span className="muted">{p.withdrawnAt ? "withdrawn" : "wave not open"}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="consents-title">Consents</h2>
      {p.consents.length === 0 ? <p>No consent recorded.</p> : (
        <table className="stack-table" aria-labelledby="consents-title">
          <caption className="muted" style={{ textAlign: "left" }}>Every grant and withdrawal, newest first; the newest of each kind counts.</caption>
          <thead>
            <tr><th scope="col">Consent</th><th scope="col">Given</th><th scope="col">Wording version</th><th scope="col">Language</th><th scope="col">How</th><th scope="col">When</th></tr>
          </thead>
          <tbody>
            {p.consents.map((c, i) => (
              <tr key={i}>
                <td data-label="Consent">{consentName(c.kind)}</td>
                <td data-label="Given">{c.granted ? "yes" : "withdrawn"}</td>
                <td data-label="Wording version">{c.wordingVersion ?? "–"}</td>
                <td data-label="Language">{c.language ?? "–"}</td>
                <td data-label="How">{c.method.replace(/_/g, " ")}{c.waveSlug ? ` (${c.waveSlug})` : ""}</td>
                <td data-label="When">{at(c.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {admin && !p.withdrawnAt && (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">Withdraw on their request</h2>
          <p>When the person asks to leave the study: their email consents are withdrawn, waiting emails cancelled, open invitations stopped and their contact details erased. Answers already given stay.</p>
          <WithdrawForm slug={slug} code={p.code} />
        </section>
      )}

      {admin && (
        <section aria-labelledby="data-title">
          <h2 id="data-title">Their data (GDPR)</h2>
          <p>Everything held about {p.code} (contact details, consents with the wording shown, answers per wave, recruitment, emails sent), for a request to see or take their data. Each download is audited.</p>
          <ul className="links">
            <li><a href={`/studies/${slug}/panel/people/${encodeURIComponent(p.code)}/data?format=html`}>Download as a readable document (HTML, in their language)</a></li>
            <li><a href={`/studies/${slug}/panel/people/${encodeURIComponent(p.code)}/data?format=json`}>Download as JSON</a></li>
          </ul>
          <h3 id="erase-title">Erase on their request</h3>
          <p>Done at once, in one step, and recorded in the audit log (that an erasure of this kind happened, not what). Their personal links then show a calm &ldquo;no longer available&rdquo; page. This cannot be undone.</p>
          <EraseForm slug={slug} code={p.code} />
        </section>
      )}
    </>
  );
}
