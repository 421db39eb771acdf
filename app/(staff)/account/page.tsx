// GET /account – the signed-in user's personal API tokens: create (shown once) and revoke.
import Link from "next/link";
import { listOwnApiTokens } from "../../../lib/api/api-token";
import { staffPage } from "../staff-page";
import { revokeTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";
import { formatDate } from "../../../lib/i18n/format-date";

export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? formatDate(d, "minute", { timeZone: "UTC" }) : "never");

export default async function AccountPage() {
  const { rt, user } = await staffPage(["admin", "researcher"], "/account");
  const tokens = await listOwnApiTokens(rt.db, user);
  return (
    <>
      <h1>Your account</h1>
      <p>{user.name} · {user.email} · {user.role}</p>
      <h2>Personal API tokens</h2>
      <p>
        A token lets a script use the <Link href="/api-docs">Panelwave API</Link> as you: with your role ({user.role}) and
        your studies, recorded in the audit log under your name. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
        Revoke a token as soon as a script no longer needs it.
      </p>
      <CreateTokenForm />
      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        <table className="stack-table">
          <thead><tr><th scope="col">Name</th><th scope="col">Created (UTC)</th><th scope="col">Last used (UTC)</th><th scope="col">Status</th><th scope="col"><span className="muted">Action</span></th></tr></thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td data-label="Name">{t.name}</td>
                <td data-label="Created (UTC)">{day(t.createdAt)}</td>
                <td data-label="Last used (UTC)">{day(t.lastUsedAt)}</td>
                <td data-label="Status">{t.revokedAt ? `Revoked ${day(t.revokedAt)}` : <span className="badge open">Active</span>}</td>
                <td data-label="">
                  {!t.revokedAt && (
                    <form action={revokeTokenAction}>
                      <input type="hidden" name="id" value={t.id} />
                      <button type="submit" className="secondary" aria-label={`Revoke token ${t.name}`}>Revoke</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
