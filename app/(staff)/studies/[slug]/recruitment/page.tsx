// GET /studies/:slug/recruitment – interview recruitment: rules, the board (flagged → invited → agreed → interviewed), and for admins the recruitment list
import Link from "next/link";
import { z } from "zod";
import { getRecruitmentBoard } from "../../../../../lib/recruitment/get-recruitment-board";
import { RECRUITMENT_STATUSES, STATUS_LABELS } from "../../../../../lib/recruitment/recruitment-transitions";
import { trajectoryName } from "../../../../../lib/recruitment/rule-schema";
import { BulkSteps } from "./bulk-steps";
import { NotesForm } from "./notes-form";
import { RuleForm } from "./rule-form";
import { orNotFound, studyScreen } from "./study-screen";
import { StudyDay } from "../waves/study-time";

export const dynamic = "force-dynamic";

export default async function RecruitmentPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string>> }) {
  const { rt, user, slug } = await studyScreen(props.params, "recruitment");
  const sp = await props.searchParams;
  const status = z.enum(RECRUITMENT_STATUSES).optional().catch(undefined).parse(sp.status);
  // After a bulk change or a sent request (a redirect from the action): what was done, to how many.
  const done = z.object({ done: z.enum([...RECRUITMENT_STATUSES, "noted", "notes"]), n: z.coerce.number().int().min(1) }).safeParse(sp);
  const b = await orNotFound(getRecruitmentBoard(rt.db, user, slug, { status }));
  const total = Object.values(b.counts).reduce((s, n) => s + n, 0);
  return (
    <>
      <p><Link href={`/studies/${slug}`}>← {b.study.name}</Link></p>
      <h1>Interview recruitment</h1>
      <p><Link href={`/studies/${slug}/interviews`}>Interview slots, bookings and the hand-over to analysis →</Link></p>
      <h2>Rules</h2>
      <p className="muted">A rule flags participants whose completed response matches it: when it is saved (back-fill) and whenever a response completes. Each person is on the board once.</p>
      {b.rules.length === 0 && <p>No rules yet.</p>}
      {b.rules.map((r) => (
        <RuleForm key={r.id} slug={slug} waves={b.waves} summary={<><strong>{r.name}</strong> {r.active ? "" : "(off)"} – {r.description}</>}
          rule={{ id: r.id, name: r.name, waveId: r.waveId ?? "", trajectories: r.stored.trajectories, consent: r.stored.consent ?? "", active: r.active }} />
      ))}
      <RuleForm slug={slug} waves={b.waves} summary={<strong>New rule</strong>} defaultWaveId={b.suggestedWaveId} />

      <h2>Board</h2>
      <nav aria-label="Filter by status" style={{ display: "flex", gap: "1rem", flexWrap: "wrap" }}>
        <Link href={`/studies/${slug}/recruitment`} aria-current={!status ? "page" : undefined}>All ({total})</Link>
        {RECRUITMENT_STATUSES.map((s) => (
          <Link key={s} href={`/studies/${slug}/recruitment?status=${s}`} aria-current={status === s ? "page" : undefined}>{STATUS_LABELS[s]} ({b.counts[s] ?? 0})</Link>
        ))}
      </nav>
      {b.canExportList ? (
        <p>
          Recruitment list with emails and characteristics (admins; every download is logged):{" "}
          <a href={`/api/studies/${slug}/recruitment-list?format=csv&bom=true${status ? `&status=${status}` : ""}`}>CSV</a> ·{" "}
          <a href={`/api/studies/${slug}/recruitment-list?format=xlsx${status ? `&status=${status}` : ""}`}>XLSX</a>
        </p>
      ) : (
        <p className="muted">Only admins can download the recruitment list with contact details.</p>
      )}
      {b.truncated && <p className="muted">Showing the first {b.entries.length}; filter by status to see the rest.</p>}
      {done.success && (
        <p role="status" className="card">
          {done.data.done === "invited" ? "Interview request queued; the person is now invited." : done.data.done === "notes" ? "Notes saved." : done.data.done === "noted" ? `Note added for ${done.data.n} ${done.data.n === 1 ? "person" : "people"}.` : `${done.data.n} ${done.data.n === 1 ? "person" : "people"} marked ${STATUS_LABELS[done.data.done].toLowerCase()}.`}
        </p>
      )}
      {b.entries.length > 0 && (
        <section aria-labelledby="bulk-heading" className="card">
          <h3 id="bulk-heading" style={{ marginTop: 0 }}>Record a step for the people you select below</h3>
          <p className="muted">All or nothing: if one of them cannot take the step, nothing is saved. To invite someone, open “Send interview request…” in their row: the email is shown before it is sent.</p>
          <BulkSteps slug={slug} today={b.today} timeZone={b.timeZone} />
        </section>
      )}
      <table className="stack-table">
        <caption className="muted" style={{ textAlign: "left" }}>People on the board{status ? `: ${STATUS_LABELS[status].toLowerCase()}` : ""}</caption>
        <thead><tr><th>Select</th><th>Participant</th><th>Status</th><th>Flagged by</th><th>Dates ({b.timeZone})</th><th>Notes</th><th>Request</th></tr></thead>
        <tbody>
          {b.entries.map((e) => (
            <tr key={e.id}>
              <td data-label="Select">
                {e.steps.length > 0 ? (
                  <label style={{ fontWeight: 400, display: "inline-flex", alignItems: "center", gap: ".4rem", minHeight: 44, minWidth: 44 }}>
                    <input type="checkbox" name="entries" value={e.id} form="bulk-steps" aria-label={`Select ${e.code}`} style={{ width: 24, height: 24 }} />
                  </label>
                ) : <span className="muted">–</span>}
              </td>
              <td data-label="Participant"><code>{e.code}</code><br /><span className="muted">{trajectoryName(e.trajectory)} · {e.language ?? "no contact"}{!e.consentGranted && " · consent withdrawn"}</span></td>
              <td data-label="Status"><span className="badge">{STATUS_LABELS[e.status]}</span>{e.requests > 0 && <><br /><span className="muted">{e.requests} request(s)</span></>}</td>
              <td data-label="Flagged by">{e.ruleName ?? "–"}<br /><span className="muted">{e.waveName ?? ""}</span></td>
              <td data-label={`Dates (${b.timeZone})`} className="muted">
                {([["flagged", e.flaggedAt], ["invited", e.invitedAt], ["agreed", e.agreedAt], ["interviewed", e.interviewedAt], ["closed", e.status !== "interviewed" ? e.closedAt : null]] as const)
                  .filter(([, at]) => at)
                  .map(([what, at], i) => <span key={what}>{i > 0 && <br />}{what} <StudyDay at={at!} timeZone={b.timeZone} /></span>)}
              </td>
              <td data-label="Notes">
                <div style={{ whiteSpace: "pre-wrap" }}>{e.notes ?? <span className="muted">–</span>}</div>
                <NotesForm slug={slug} id={e.id} code={e.code} notes={e.notes} />
              </td>
              <td data-label="Request">{e.canRequest ? <Link href={`/studies/${slug}/recruitment/request/${e.id}`}>Send interview request…</Link> : <span className="muted">–</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {b.entries.length === 0 && <p>Nobody {status ? `is ${STATUS_LABELS[status].toLowerCase()}` : "is flagged yet"}.</p>}
    </>
  );
}
