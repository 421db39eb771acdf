// GET /admin/data-protection – what a data-protection officer asks, per study, on one printable
// page: the personal data held and where (the registry: tables, columns, encrypted or not), how
// many people, the retention schedule, who has access, the latest exports and views of personal
// data, and the erasure requests. Admins only.
import Link from "next/link";
import { formatDate } from "../../../../lib/i18n/format-date";
import { getDataProtectionOverview } from "../../../../lib/privacy/data-protection-overview";
import { staffPage } from "../../staff-page";
import { PrintButton } from "./print-button";

export const dynamic = "force-dynamic";

const REF = /^erased-[0-9a-f]{10}$/;

export default async function DataProtectionPage(props: { searchParams: Promise<{ erased?: string }> }) {
  const { rt, user } = await staffPage(["admin"], "/admin/data-protection");
  const o = await getDataProtectionOverview(rt.db, user);
  const erased = (await props.searchParams).erased;
  const now = new Date();
  return (
    <div className="dpo">
      <p className="no-print"><Link href="/admin">← Admin</Link></p>
      <h1>Data protection</h1>
      {erased && REF.test(erased) && <p role="status" className="card">Everything held about the person was erased. The audit log records it as <code>{erased}</code>.</p>}
      <p>Where personal data is held, for how long, who can see it and what was done with it, per study. Printed {formatDate(now, "minute", { timeZone: "UTC" })} UTC.</p>
      <p className="no-print"><PrintButton /></p>
      {o.studies.length === 0 && <p>No studies yet.</p>}
      {o.studies.map((s) => {
        const at = (d: Date) => formatDate(d, "minute", { timeZone: s.timeZone });
        const open = s.requests.filter((r) => !r.closedAt);
        return (
          <section key={s.id} aria-labelledby={`study-${s.slug}`} className="dpo-study">
            <h2 id={`study-${s.slug}`}>{s.name} <span className="muted">({s.slug})</span></h2>
            <p><strong>{s.people}</strong> {s.people === 1 ? "person" : "people"} in the panel. Times in {s.timeZone}.</p>

            <h3 id={`held-${s.slug}`}>Personal data held</h3>
            <table className="stack-table" aria-labelledby={`held-${s.slug}`}>
              <thead><tr><th scope="col">Table</th><th scope="col">What</th><th scope="col">Columns</th><th scope="col">Rows</th><th scope="col">People</th><th scope="col">Stop contact erasure</th><th scope="col">Delete everything</th><th scope="col">Retention</th></tr></thead>
              <tbody>
                {s.tables.map((t) => (
                  <tr key={t.table}>
                    <td data-label="Table"><code>{t.table}</code></td>
                    <td data-label="What">{t.holds}</td>
                    <td data-label="Columns">{t.columns.map((c) => <span key={c.name} className="col-tag"><code>{c.name}</code> {c.encrypted ? "(encrypted)" : "(plain)"}: {c.what}</span>)}</td>
                    <td data-label="Rows">{t.rows ?? "–"}</td>
                    <td data-label="People">{t.people ?? "–"}</td>
                    <td data-label="Stop contact erasure">{t.onErase?.contact ?? "–"}</td>
                    <td data-label="Delete everything">{t.onErase?.everything ?? "–"}</td>
                    <td data-label="Retention">{t.retention ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>

            <h3>Retention schedule</h3>
            {s.schedule.length === 0 ? <p>No end date set. <Link className="no-print" href={`/studies/${s.slug}/settings#retention`}>Set one on the study&rsquo;s settings page</Link></p> : (
              <ul>
                {s.schedule.map((e) => <li key={e.group}>{e.label}: erased on {at(e.due)}{e.due <= now ? " (due: the next daily run erases it)" : ""}</li>)}
              </ul>
            )}

            <h3 id={`access-${s.slug}`}>Who has access</h3>
            <table className="stack-table" aria-labelledby={`access-${s.slug}`}>
              <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Sees</th></tr></thead>
              <tbody>
                {s.access.map((a) => (
                  <tr key={a.email}>
                    <td data-label="Name">{a.name}</td>
                    <td data-label="Email">{a.email}</td>
                    <td data-label="Role">{a.role}</td>
                    <td data-label="Sees">{a.role === "admin" ? "everything, contact details included" : "answers (pseudonymous), no contact details"}</td>
                  </tr>
                ))}
              </tbody>
            </table>

            <h3 id={`recent-${s.slug}`}>Latest exports, views and erasures of personal data</h3>
            {s.recent.length === 0 ? <p>None.</p> : (
              <table className="stack-table" aria-labelledby={`recent-${s.slug}`}>
                <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">About</th><th scope="col">Rows</th></tr></thead>
                <tbody>
                  {s.recent.map((r) => (
                    <tr key={r.id}>
                      <td data-label="When">{at(r.at)}</td>
                      <td data-label="Who">{r.email ?? r.role ?? "–"}</td>
                      <td data-label="What"><code>{r.action}</code></td>
                      <td data-label="About">{r.target ?? "–"}</td>
                      <td data-label="Rows">{r.rowCount ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="no-print"><Link href={`/admin/audit?study=${s.slug}`}>The study&rsquo;s whole audit log</Link></p>

            <h3 id={`requests-${s.slug}`}>Erasure requests from participants</h3>
            <p>{open.length} open. A request is closed by a &ldquo;delete everything&rdquo; erasure, on the person&rsquo;s page.</p>
            {s.requests.length > 0 && (
              <table className="stack-table" aria-labelledby={`requests-${s.slug}`}>
                <thead><tr><th scope="col">Asked</th><th scope="col">Participant</th><th scope="col">State</th></tr></thead>
                <tbody>
                  {s.requests.map((r) => (
                    <tr key={r.id}>
                      <td data-label="Asked">{at(r.at)}</td>
                      <td data-label="Participant">{r.closedAt ? <code>{r.target}</code> : <Link href={`/studies/${s.slug}/panel/people/${encodeURIComponent(r.target ?? "")}`}>{r.target}</Link>}</td>
                      <td data-label="State">{r.closedAt ? `closed: erased ${at(r.closedAt)}` : "open"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}

      <section aria-labelledby="staff-data">
        <h2 id="staff-data">Staff accounts and other tables</h2>
        <ul>
          {[...o.staffTables, ...o.otherTables].map((t) => (
            <li key={t.table}><code>{t.table}</code>: {t.holds}{t.columns.length ? ` (${t.columns.map((c) => `${c.name}${c.encrypted ? ", encrypted" : ""}`).join("; ")})` : ""}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
