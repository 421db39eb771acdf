// GET /admin – admin home: users. Admins only.
import { listUsers } from "../../../lib/auth/list-users";
import { staffPage } from "../staff-page";
import { formatDate } from "../../../lib/i18n/format-date";
import { listAuditLog } from "../../../lib/audit/list-audit-log";
import { ERASURE_REQUESTED } from "../../../lib/panel/request-answer-erasure";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const { rt, user } = await staffPage(["admin"], "/admin");
  const users = await listUsers(rt.db, user);
  // Respondents' "delete my answers too" requests wait here for an admin (nothing is deleted by itself).
  const erasures = (await listAuditLog(rt.db, user, { action: ERASURE_REQUESTED })).rows.slice(0, 20);
  return (
    <>
      <h1>Admin</h1>
      <p><a href="/admin/mailbox">Local mailbox</a> (every email sent while no SMTP server is configured)</p>
      <h2>Users</h2>
      <table>
        <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Created</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}><td>{u.name}</td><td>{u.email}</td><td>{u.role}</td><td>{formatDate(u.createdAt, "day", { timeZone: "UTC" })}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>Requests to delete answers</h2>
      {erasures.length === 0 ? <p>None.</p> : (
        <table>
          <thead><tr><th>When (UTC)</th><th>Study</th><th>Participant</th></tr></thead>
          <tbody>
            {erasures.map((r) => (
              <tr key={r.id}><td>{formatDate(r.at, "minute", { timeZone: "UTC" })}</td><td>{r.studySlug ?? "–"}</td><td>{r.target ?? "–"}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <p><a href={`/admin/audit?action=${ERASURE_REQUESTED}`}>All requests in the audit log</a></p>
      <p className="muted">Create users from the command line: <code>npm run admin:create -- --email … --role researcher</code>.</p>
    </>
  );
}
