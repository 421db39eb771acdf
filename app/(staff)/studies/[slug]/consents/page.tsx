// GET /studies/:slug/consents – consent wordings as people saw them (versions per kind with counts), and re-consent
import Link from "next/link";
import { formatDate } from "../../../../../lib/i18n/format-date";
import { listConsentWordings } from "../../../../../lib/panel/consent-wordings";
import { orNotFound, studyScreen } from "../recruitment/study-screen";
import { ReconsentForm } from "./reconsent-form";

export const dynamic = "force-dynamic";

export default async function ConsentsPage(props: { params: Promise<{ slug: string }> }) {
  const { rt, user, slug } = await studyScreen(props.params, "consents");
  const s = await orNotFound(listConsentWordings(rt.db, user, slug));
  const day = (d: Date) => formatDate(d, "day", { timeZone: "UTC" });
  return (
    <>
      <p><Link href={`/studies/${slug}`}>← {s.study.name}</Link></p>
      <h1>Consents</h1>
      <p className="muted">Every consent keeps the exact wording the person saw, in their language, with its SHA-256. Each wording is listed once per kind.</p>
      {s.kinds.length === 0 && <p>No consents recorded yet.</p>}
      {s.kinds.map((k) => (
        <section key={k.kind} aria-labelledby={`kind-${k.kind}`}>
          <h2 id={`kind-${k.kind}`}>{k.kind}</h2>
          {k.versions.length === 0 ? <p className="muted">Recorded without a wording (imported).</p> : (
            <table className="stack-table">
              <thead><tr><th scope="col">Version</th><th scope="col">Language</th><th scope="col">First shown (UTC)</th><th scope="col">Agreed</th><th scope="col">Declined</th><th scope="col">Wording</th></tr></thead>
              <tbody>
                {k.versions.map((v) => (
                  <tr key={v.hash}>
                    <td data-label="Version">{v.wordingVersion ?? "–"}</td>
                    <td data-label="Language">{v.language ?? "–"}</td>
                    <td data-label="First shown (UTC)">{day(v.firstRecordedAt)}</td>
                    <td data-label="Agreed">{v.granted}</td>
                    <td data-label="Declined">{v.declined}</td>
                    <td data-label="Wording"><Link href={`/studies/${slug}/consents/${encodeURIComponent(k.kind)}/${v.hash}`} aria-label={`View ${k.kind} ${v.wordingVersion ?? ""} ${v.language ?? ""}`.trim()}>View</Link> <code className="muted">{v.hash.slice(0, 12)}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <h2>Ask again with a new version</h2>
      <p className="muted">
        The new wording goes by email to everyone whose latest consent of this kind agreed to an older version. Nobody who withdrew,
        or who withdrew this consent, is asked. Each person agrees or declines on their own page; the answer is recorded with the wording they saw.
      </p>
      {s.kinds.length > 0 && <ReconsentForm slug={slug} kinds={s.kinds.map((k) => k.kind)} languages={s.study.languages} defaultLanguage={s.study.defaultLanguage} />}
      {s.requests.length > 0 && (
        <>
          <h2>Sent</h2>
          <table className="stack-table">
            <thead><tr><th scope="col">Kind</th><th scope="col">Version</th><th scope="col">Sent (UTC)</th><th scope="col">Asked</th><th scope="col">Answered</th><th scope="col">Agreed</th></tr></thead>
            <tbody>
              {s.requests.map((r) => (
                <tr key={r.id}>
                  <td data-label="Kind">{r.kind}</td><td data-label="Version">{r.wordingVersion}</td><td data-label="Sent (UTC)">{day(r.createdAt)}</td>
                  <td data-label="Asked">{r.recipients}</td><td data-label="Answered">{r.answered}</td><td data-label="Agreed">{r.agreed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
