// GET /admin/users/[id] – one user: role, studies, invitation, deactivation. Destructive changes
// (deactivate, remove from a study) first show a confirmation (?confirm=…). Admins only.
import Link from "next/link";
import { formatDate } from "../../../../../lib/i18n/format-date";
import { getUserDetail } from "../../../../../lib/users/user-view";
import { orNotFound, staffPage } from "../../../staff-page";
import { addMemberAction, deactivateAction, reactivateAction, removeMemberAction, resendAction, roleAction } from "../actions";
import { UserActionForm } from "../user-action-form";
import { userStatus } from "../user-status";

export const dynamic = "force-dynamic";

type Search = { confirm?: string; study?: string; done?: string };

export default async function UserPage(props: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await props.params;
  const { rt, user: admin } = await staffPage(["admin"], `/admin/users/${id}`);
  const { user, studies, otherStudies } = await orNotFound(getUserDetail(rt.db, admin, id));
  const q = await props.searchParams;
  const self = user.id === admin.id;
  const removing = q.confirm === "remove" ? studies.find((s) => s.slug === q.study) : undefined;
  return (
    <>
      <p><Link href="/admin/users">← Users</Link></p>
      <h1>{user.name}</h1>
      {q.done === "deactivated" && <p role="status">The account is deactivated: its sessions have ended and its API tokens are revoked.</p>}
      {q.done === "removed" && <p role="status">Removed from the study.</p>}
      <dl>
        <dt>Email</dt><dd>{user.email}</dd>
        <dt>Role</dt><dd>{user.role}</dd>
        <dt>Status</dt><dd>{userStatus(user)}{user.deactivatedAt && ` since ${formatDate(user.deactivatedAt, "minute", { timeZone: "UTC" })} UTC`}</dd>
        <dt>Created</dt><dd>{formatDate(user.createdAt, "minute", { timeZone: "UTC" })} UTC</dd>
      </dl>

      {q.confirm === "deactivate" && !user.deactivatedAt && !self && (
        <section className="card" aria-labelledby="confirm-deactivate">
          <h2 id="confirm-deactivate">Deactivate {user.email}?</h2>
          <p>They can no longer sign in; every session of theirs ends now and every API token of theirs is revoked. You can reactivate the account later (the tokens stay revoked).</p>
          <UserActionForm action={deactivateAction} userId={user.id} label="Confirm the deactivation" button={`Yes, deactivate ${user.email}`} />
          <p><Link href={`/admin/users/${user.id}`}>No, keep the account</Link></p>
        </section>
      )}
      {removing && (
        <section className="card" aria-labelledby="confirm-remove">
          <h2 id="confirm-remove">Remove {user.email} from {removing.name}?</h2>
          <p>{user.role === "admin" ? "As an admin they still see every study." : "They will no longer see the study."}</p>
          <UserActionForm action={removeMemberAction} userId={user.id} label="Confirm the removal" button={`Yes, remove from ${removing.name}`}>
            <input type="hidden" name="study" value={removing.slug} />
          </UserActionForm>
          <p><Link href={`/admin/users/${user.id}`}>No, keep them on the study</Link></p>
        </section>
      )}

      <h2>Role</h2>
      {self ? (
        <p className="muted">This is you: another admin can change your role.</p>
      ) : (
        <UserActionForm action={roleAction} userId={user.id} label="Change the role" button="Change the role" fields={["role"]}>
          <div>
            <label htmlFor="role">Role</label>
            <select id="role" name="role" defaultValue={user.role}>
              <option value="researcher">Researcher: the studies they are added to</option>
              <option value="admin">Admin: every study, personal data, users</option>
            </select>
          </div>
        </UserActionForm>
      )}

      <h2>Studies</h2>
      {user.role === "admin" && <p className="muted">Admins see every study; memberships matter for researchers.</p>}
      {studies.length === 0 ? <p>Not a member of any study.</p> : (
        <table className="stack-table">
          <thead><tr><th>Study</th><th>Member since (UTC)</th><th><span className="muted">Action</span></th></tr></thead>
          <tbody>
            {studies.map((s) => (
              <tr key={s.id}>
                <td data-label="Study"><Link href={`/studies/${s.slug}`}>{s.name}</Link></td>
                <td data-label="Member since (UTC)">{formatDate(s.since, "day", { timeZone: "UTC" })}</td>
                <td data-label="Action"><Link className="button secondary" href={`/admin/users/${user.id}?confirm=remove&study=${encodeURIComponent(s.slug)}`} aria-label={`Remove from ${s.name}`}>Remove…</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {otherStudies.length === 0 ? <p className="muted">{studies.length ? "A member of every study." : "There are no studies yet."}</p> : (
        <UserActionForm action={addMemberAction} userId={user.id} label="Add to a study" button="Add to the study" fields={["study"]}>
          <div>
            <label htmlFor="study">Add to study</label>
            <select id="study" name="study" defaultValue="">
              <option value="" disabled>Choose a study</option>
              {otherStudies.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
            </select>
          </div>
        </UserActionForm>
      )}

      <h2>Account</h2>
      {!user.hasPassword && !user.deactivatedAt && (
        <UserActionForm action={resendAction} userId={user.id} label="Send a new invitation" button="Send a new invitation link" secondary>
          <p>They have not chosen a password yet. A new link replaces every earlier one.</p>
        </UserActionForm>
      )}
      {user.deactivatedAt ? (
        <UserActionForm action={reactivateAction} userId={user.id} label="Reactivate the account" button="Reactivate the account" secondary />
      ) : self ? (
        <p className="muted">You cannot deactivate your own account.</p>
      ) : (
        <p><Link className="button secondary" href={`/admin/users/${user.id}?confirm=deactivate`}>Deactivate…</Link></p>
      )}
    </>
  );
}
