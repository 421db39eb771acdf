"use server";
// Server actions of the user screens: each checks on the server that an admin is signed in, calls
// one lib/users function and answers the form (or, after a confirmed deactivation or removal,
// goes back to the user's page). Plain POSTs: they work without scripts.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "../../../../lib/auth/current-user";
import { getRuntime } from "../../../../lib/runtime";
import { inviteUser, resendInvitation } from "../../../../lib/users/invite-user";
import { changeRole, deactivateUser, reactivateUser } from "../../../../lib/users/manage-users";
import { addMembership, removeMembership } from "../../../../lib/users/memberships";
import { toActionResult, type ActionResult } from "../../../action-result";

export type UserFormState = (ActionResult<string> | { ok: null }) & { values?: Record<string, string> };

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

async function asAdmin() {
  const rt = await getRuntime();
  return { rt, admin: await requireUser(rt, await headers(), ["admin"]) };
}

/** Runs one change for a user's page and says what happened. */
async function onUser(form: FormData, run: (id: string) => Promise<string>): Promise<UserFormState> {
  const id = field(form, "userId");
  const r = await toActionResult(() => run(id));
  if (r.ok) revalidatePath(`/admin/users/${id}`);
  return r;
}

export async function inviteAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const values = { email: field(form, "email").slice(0, 320), name: field(form, "name").slice(0, 200), role: field(form, "role") };
  const r = await toActionResult(async () => {
    const { rt, admin } = await asAdmin();
    await inviteUser(rt.db, rt.config, admin, values, new Date());
    revalidatePath("/admin/users");
    return `Invitation sent to ${values.email.trim().toLowerCase()}. The link works once, for 7 days.`;
  });
  return r.ok ? r : { ...r, values };
}

export async function resendAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  return onUser(form, async (id) => {
    const { rt, admin } = await asAdmin();
    await resendInvitation(rt.db, rt.config, admin, id, new Date());
    return "A new invitation link is on its way; earlier links no longer work.";
  });
}

export async function roleAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  return onUser(form, async (id) => {
    const { rt, admin } = await asAdmin();
    const { changed } = await changeRole(rt.db, admin, id, { role: field(form, "role") }, new Date());
    return changed ? `Role changed to ${field(form, "role")}.` : "The role was already that; nothing changed.";
  });
}

export async function reactivateAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  return onUser(form, async (id) => {
    const { rt, admin } = await asAdmin();
    await reactivateUser(rt.db, admin, id, new Date());
    return "The account is active again: they can sign in with their password.";
  });
}

export async function addMemberAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  return onUser(form, async (id) => {
    const { rt, admin } = await asAdmin();
    const { changed } = await addMembership(rt.db, admin, id, { study: field(form, "study") }, new Date());
    return changed ? "Added to the study." : "Already a member of that study.";
  });
}

/** The confirmed deactivation: back to the user's page, which says what ended. */
export async function deactivateAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const r = await onUser(form, async (id) => {
    const { rt, admin } = await asAdmin();
    const ended = await deactivateUser(rt.db, admin, id, new Date());
    return ended ? `deactivated` : "unchanged";
  });
  if (r.ok) redirect(`/admin/users/${encodeURIComponent(field(form, "userId"))}?done=deactivated`);
  return r;
}

/** The confirmed removal from a study: back to the user's page. */
export async function removeMemberAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const r = await onUser(form, async (id) => {
    const { rt, admin } = await asAdmin();
    await removeMembership(rt.db, admin, id, { study: field(form, "study") }, new Date());
    return "removed";
  });
  if (r.ok) redirect(`/admin/users/${encodeURIComponent(field(form, "userId"))}?done=removed`);
  return r;
}
