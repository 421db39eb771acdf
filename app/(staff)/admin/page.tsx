// GET /admin – admin home: users. Admins only.
import { listUsers } from "../../../lib/auth/list-users";
import { staffPage } from "../staff-page";
import { formatDate } from "../../../lib/i18n/format-date";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const { rt, user } = await staffPage(["admin"], "/admin");
  const users = await listUsers(rt.db, user);
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
      <p className="muted">Create users from the command line: <code>npm run admin:create -- --email … --role researcher</code>.</p>
    </>
  );
}
