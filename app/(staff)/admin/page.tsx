// GET /admin – the admin home: users, the audit log and the local mailbox. Admins only.
import Link from "next/link";
import { staffPage } from "../staff-page";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  await staffPage(["admin"], "/admin");
  return (
    <>
      <h1>Admin</h1>
      <ul>
        <li><Link href="/admin/users">Users</Link>: invite researchers and admins, change roles, deactivate accounts, choose who works on which study.</li>
        <li><Link href="/admin/audit">Audit log</Link>: every change, export and view of personal data, by whom and when.</li>
        <li><Link href="/admin/mailbox">Local mailbox</Link>: every email sent while no SMTP server is configured.</li>
      </ul>
    </>
  );
}
