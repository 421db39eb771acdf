// GET /admin/audit – the audit log: every write, export and view of personal data, filtered by
// user, study, action and date range (a plain GET form), newest first, paged. Admins only.
import Link from "next/link";
import { auditFilterOptions, auditQuerySchema, listAuditLog, type AuditQuery } from "../../../../lib/audit/list-audit-log";
import { orNotFound, staffPage } from "../../staff-page";
import { formatDate } from "../../../../lib/i18n/format-date";
import { DetailsList } from "./details-list";

export const dynamic = "force-dynamic";

/** The filters as given, each only if it is valid (an invalid one is ignored, and said so). */
function parseFilters(raw: Record<string, string | string[] | undefined>): { q: AuditQuery; ignored: string[] } {
  const q: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const key of Object.keys(auditQuerySchema.shape) as (keyof AuditQuery)[]) {
    const v = raw[key];
    if (typeof v !== "string" || v === "") continue;
    const one = auditQuerySchema.shape[key].safeParse(v);
    if (one.success) q[key] = one.data;
    else ignored.push(key);
  }
  return { q: q as AuditQuery, ignored };
}

export default async function AuditPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { rt, user } = await staffPage(["admin"], "/admin/audit");
  const { q, ignored } = parseFilters(await props.searchParams);
  if (q.from && q.to && q.to < q.from) ignored.push("to");
  const query = ignored.includes("to") ? { ...q, to: undefined } : q;
  const [{ rows, nextBefore }, options] = await Promise.all([orNotFound(listAuditLog(rt.db, user, query)), auditFilterOptions(rt.db, user)]);
  const { before: _b, ...filters } = query;
  const more = new URLSearchParams({ ...(Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>), before: String(nextBefore) });
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <p><Link href="/admin">← Admin</Link></p>
      <h1>Audit log</h1>
      <form method="get" action="/admin/audit" className="stack" aria-label="Filter the audit log">
        {ignored.length > 0 && <p role="alert" className="field-error">Ignored a filter that is not valid: {ignored.join(", ")}.</p>}
        <div>
          <label htmlFor="f-user">Who</label>
          <select id="f-user" name="user" defaultValue={query.user ?? ""}>
            <option value="">Anyone</option>
            {options.users.map((u) => <option key={u.id} value={u.id}>{u.email}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-study">Study</label>
          <select id="f-study" name="study" defaultValue={query.study ?? ""}>
            <option value="">Any study</option>
            {options.studies.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-action">Action</label>
          <select id="f-action" name="action" defaultValue={query.action ?? ""}>
            <option value="">Any action</option>
            {options.actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-from">From (day, UTC)</label>
          <input id="f-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div>
          <label htmlFor="f-to">To (day, UTC, included)</label>
          <input id="f-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div>
          <button type="submit">Show entries</button> {filtered && <Link href="/admin/audit">Clear the filters</Link>}
        </div>
      </form>
      <h2>Entries</h2>
      <p className="muted">Newest first, {rows.length === 100 ? "100 at a time" : `${rows.length} shown`}. Times in UTC.</p>
      {rows.length === 0 ? <p>No entries{filtered ? " match these filters" : " yet"}.</p> : (
        <table className="stack-table cards-on-phone">
          <thead><tr><th>When (UTC)</th><th>Who</th><th>Study</th><th>Action</th><th>What</th><th className="num">Rows</th><th>Details</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label="When (UTC)">{formatDate(r.at, "second", { timeZone: "UTC" })} UTC</td>
                <td data-label="Who">{r.userEmail ?? r.userId ?? (r.details.role === "respondent" ? "a respondent (own link)" : "–")}</td>
                <td data-label="Study">{r.studySlug ? <Link href={`/admin/audit?study=${r.studySlug}`}>{r.studyName ?? r.studySlug}</Link> : "–"}</td>
                <td data-label="Action"><Link href={`/admin/audit?action=${r.action}`}>{r.action}</Link></td>
                <td data-label="What">{r.target ?? "–"}</td>
                <td data-label="Rows" className="num">{r.rowCount ?? "–"}</td>
                <td data-label="Details"><DetailsList details={r.details} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore && <p><Link href={`/admin/audit?${more}`}>Older entries →</Link></p>}
    </>
  );
}
