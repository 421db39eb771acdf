// GET /admin/audit – the audit log: every export and view of personal data (admins only)
import Link from "next/link";
import { auditQuerySchema, listAuditLog } from "../../../../lib/audit/list-audit-log";
import { orNotFound, staffPage } from "../../staff-page";
import { formatDate } from "../../../../lib/i18n/format-date";

export const dynamic = "force-dynamic";

export default async function AuditPage(props: { searchParams: Promise<Record<string, string>> }) {
  const { rt, user } = await staffPage(["admin"], "/admin/audit");
  const q = auditQuerySchema.catch({}).parse(await props.searchParams);
  const { rows, nextBefore } = await orNotFound(listAuditLog(rt.db, user, q));
  const more = new URLSearchParams({ ...(q.study ? { study: q.study } : {}), ...(q.action ? { action: q.action } : {}), before: String(nextBefore) });
  return (
    <>
      <p><Link href="/admin">← Admin</Link></p>
      <h1>Audit log</h1>
      <p className="muted">Newest first. {q.study && <>Study <code>{q.study}</code>. </>}{q.action && <>Action <code>{q.action}</code>. </>}{(q.study || q.action) && <Link href="/admin/audit">Show all</Link>}</p>
      <table>
        <thead><tr><th>When (UTC)</th><th>Who</th><th>Study</th><th>Action</th><th>What</th><th className="num">Rows</th><th>Filter</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDate(r.at, "second", { timeZone: "UTC" })}</td>
              <td>{r.userEmail ?? r.userId ?? (r.details.role === "respondent" ? "a respondent (own link)" : "–")}</td>
              <td>{r.studySlug ? <Link href={`/admin/audit?study=${r.studySlug}`}>{r.studySlug}</Link> : "–"}</td>
              <td><Link href={`/admin/audit?action=${r.action}`}>{r.action}</Link></td>
              <td>{r.target ?? "–"}</td>
              <td className="num">{r.rowCount ?? "–"}</td>
              <td><code>{JSON.stringify(r.details.filter ?? r.details)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>Nothing recorded yet.</p>}
      {nextBefore && <p><Link href={`/admin/audit?${more}`}>Older entries →</Link></p>}
    </>
  );
}
