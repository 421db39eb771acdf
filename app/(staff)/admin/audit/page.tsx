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

/** One filter of the form: "any" first, then each [value, label]. */
function FilterSelect(p: { name: string; label: string; any: string; value?: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={`f-${p.name}`}>{p.label}</label>
      <select id={`f-${p.name}`} name={p.name} defaultValue={p.value ?? ""}>
        <option value="">{p.any}</option>
        {p.options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
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
        <FilterSelect name="user" label="Who" any="Anyone" value={query.user} options={options.users.map((u) => [u.id, u.email])} />
        <FilterSelect name="study" label="Study" any="Any study" value={query.study} options={options.studies.map((s) => [s.slug, s.name])} />
        <FilterSelect name="action" label="Action" any="Any action" value={query.action} options={options.actions.map((a) => [a, a])} />
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
        <table className="stack-table">
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
