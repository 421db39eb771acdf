// GET /admin – the admin home: users, the audit log and the local mailbox. Admins only.
import Link from "next/link";
import { staffPage } from "../staff-page";
import { formatDate } from "../../../lib/i18n/format-date";
import { listAuditLog } from "../../../lib/audit/list-audit-log";
import { ERASURE_REQUESTED } from "../../../lib/panel/request-answer-erasure";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const { rt, user } = await staffPage(["admin"], "/admin");
  // Respondents' "delete my answers too" requests wait here for an admin (nothing is deleted by itself).
  const erasures = (await listAuditLog(rt.db, user, { action: ERASURE_REQUESTED })).rows.slice(0, 20);
  return (
    <>
      <h1>Admin</h1>
      <ul>
        <li><Link href="/admin/users">Users</Link>: invite researchers and admins, change roles, deactivate accounts, choose who works on which study.</li>
        <li><Link href="/admin/audit">Audit log</Link>: every change, export and view of personal data, by whom and when.</li>
        <li><Link href="/admin/mailbox">Local mailbox</Link>: every email sent while no SMTP server is configured.</li>
        <li><Link href="/admin/data-protection">Data protection</Link>: per study, what personal data is held and where, retention, who has access, exports and erasure requests (printable).</li>
      </ul>
      <h2>Requests to delete answers</h2>
      {erasures.length === 0 ? <p>None.</p> : (
        <table className="stack-table">
          <thead><tr><th scope="col">When (UTC)</th><th scope="col">Study</th><th scope="col">Participant</th></tr></thead>
          <tbody>
            {erasures.map((r) => (
              <tr key={r.id}>
                <td data-label="When (UTC)">{formatDate(r.at, "minute", { timeZone: "UTC" })}</td>
                <td data-label="Study">{r.studySlug ?? "–"}</td>
                <td data-label="Participant">{r.target ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p><Link href={`/admin/audit?action=${ERASURE_REQUESTED}`}>All requests in the audit log</Link></p>
    </>
  );
}
