// GET /studies/:slug – a study's waves with live counts of started and completed responses.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getStudyHome } from "../../../../lib/studies/get-study-overview";
import { NotFound } from "../../../../lib/errors/app-error";
import { LiveRefresh } from "../../live-refresh";
import { staffPage } from "../../staff-page";
import { slugSchema } from "../../../../lib/studies/study-schema";
import { formatDate } from "../../../../lib/i18n/format-date";
import { studyTimeZone } from "../../../../lib/i18n/study-time-zone";
import { retentionSchedule } from "../../../../lib/privacy/retention";
import "../studies.css";

export const dynamic = "force-dynamic";

// In the study's zone, as the wave pages and forms show them (UTC here read an hour or two off).
const fmt = (d: Date | null, timeZone: string) => (d ? formatDate(d, "minute", { timeZone }) : "–");

export default async function StudyPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${slug.data}`);
  const overview = await getStudyHome(rt.db, user, slug.data).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const { study, waves, setup } = overview;
  const setupDone = setup.every((s) => s.done);
  const tz = studyTimeZone(study.settings);
  return (
    <>
      <LiveRefresh />
      <h1>{study.name}</h1>
      <p className="muted">
        Languages: {study.languages.join(", ")} · time zone: {tz} · status variable: <code>{study.statusVariable ?? "–"}</code>
      </p>
      {!setupDone && (
        <section aria-labelledby="setup-title">
          <h2 id="setup-title">Set up the study</h2>
          <ol className="setup">
            {setup.map((s, i) => (
              <li key={s.key} className={s.done ? "done" : undefined} data-step={s.key} data-done={s.done}>
                <span className="mark" aria-hidden="true">{s.done ? "✓" : `${i + 1}.`}</span>
                <span>{s.label}{s.done ? <span className="muted"> – done</span> : null}</span>
                {!s.done && <Link href={s.href}>{s.action}</Link>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <nav aria-label="Study" style={{ display: "flex", gap: "1rem", flexWrap: "wrap" }}>
        <Link href={`/studies/${study.slug}/settings`}>Settings</Link>
        <Link href={`/studies/${study.slug}/panel`}>Panel</Link>
        <Link href={`/studies/${study.slug}/reports`}>Reports</Link>
        <Link href={`/studies/${study.slug}/exports`}>Exports</Link>
        <Link href={`/studies/${study.slug}/consents`}>Consents</Link>
        <Link href={`/studies/${study.slug}/recruitment`}>Interview recruitment</Link>
        {user.role === "admin" && <Link href={`/admin/audit?study=${study.slug}`}>Audit log</Link>}
      </nav>
      <p><a href={`/studies/${study.slug}/instruments`}>Instruments and questionnaire versions</a></p>
      <h2>Waves</h2>
      <p><a href={`/studies/${study.slug}/waves`}>Schedule waves, invitations and reminders</a></p>
      {waves.length === 0 ? <p>No waves yet.</p> : (<>
      <table className="stack-table" aria-describedby="waves-note">
        <thead>
          <tr>
            <th>Wave</th><th>Status</th><th>Opens ({tz})</th><th>Closes ({tz})</th>
            <th className="num">Invited</th><th className="num">Started</th><th className="num">Completed</th>
          </tr>
        </thead>
        <tbody>
          {waves.map((w) => (
            <tr key={w.id} data-wave={w.slug}>
              <td data-label="Wave"><Link href={`/studies/${study.slug}/waves/${w.slug}`}>{w.name}</Link><br /><span className="muted">{w.mode === "open_link" ? `open link /j/${study.slug}/${w.slug}` : "personal invitations"}</span></td>
              <td data-label="Status"><span className={`badge ${w.status}`}>{w.status}</span></td>
              <td data-label={`Opens (${tz})`}>{fmt(w.opensAt, tz)}</td>
              <td data-label={`Closes (${tz})`}>{fmt(w.closesAt, tz)}</td>
              <td className="num" data-label="Invited">{w.invited}</td>
              <td className="num" data-label="Started" data-count="started">{w.started}</td>
              <td className="num" data-label="Completed" data-count="completed">{w.completed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id="waves-note" className="muted">Started counts every response begun, completed included. Counts refresh every 5 seconds.</p>
      </>)}
      <section aria-labelledby="retention-title">
        <h2 id="retention-title">Retention</h2>
        {retentionSchedule(study.settings).length === 0 ? (
          <p>No end date set, so nothing is erased by date. <Link href={`/studies/${study.slug}/settings#retention`}>Set the end date and how long data is kept</Link>.</p>
        ) : (
          <ul>
            {retentionSchedule(study.settings).map((e) => (
              <li key={e.group}>{e.label}: erased on {fmt(e.due, tz)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
