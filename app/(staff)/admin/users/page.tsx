// GET /admin/users – every researcher and admin, and the invitation form. Admins only.
import Link from "next/link";
import { listUsers } from "../../../../lib/auth/list-users";
import { formatDate } from "../../../../lib/i18n/format-date";
import { staffPage } from "../../staff-page";
import { InviteForm } from "./invite-form";
import { userStatus } from "./user-status";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const { rt, user } = await staffPage(["admin"], "/admin/users");
  const users = await listUsers(rt.db, user);
  return (
    <>
      <p><Link href="/admin">← Admin</Link></p>
      <h1>Users</h1>
      <h2>Invite someone</h2>
      <p className="muted">The account is created without a password; the person gets an email with a link to choose one.</p>
      <InviteForm />
      <h2>Everyone</h2>
      <table className="stack-table">
        <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Status</th><th>Created (UTC)</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td data-label="Name"><Link href={`/admin/users/${u.id}`}>{u.name}</Link></td>
              <td data-label="Email">{u.email}</td>
              <td data-label="Role">{u.role}</td>
              <td data-label="Status">{userStatus(u)}</td>
              <td data-label="Created (UTC)">{formatDate(u.createdAt, "day", { timeZone: "UTC" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
