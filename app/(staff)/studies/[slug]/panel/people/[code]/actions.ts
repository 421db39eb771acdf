"use server";
// Server actions of the person page: show the personal link, resend the invitation, withdraw.
// Each takes the form's fields (a plain POST without scripts) and answers an ActionResult.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { eraseParticipant } from "../../../../../../../lib/privacy/erase-participant";
import { currentUser } from "../../../../../../../lib/auth/current-user";
import { Unauthorized } from "../../../../../../../lib/errors/app-error";
import { resendInvitation, showPersonalLink, withdrawOnRequest } from "../../../../../../../lib/panel/participant-actions";
import { getRuntime, type Runtime } from "../../../../../../../lib/runtime";
import type { StaffUser } from "../../../../../../../lib/auth/current-user";
import { toActionResult, type ActionResult } from "../../../../../../action-result";

export type PersonActionState = ActionResult<string> | { ok: null };

const field = (data: FormData, k: string) => String(data.get(k) ?? "");

async function run(data: FormData, fn: (rt: Runtime, user: StaffUser, slug: string, code: string) => Promise<string>): Promise<ActionResult<string>> {
  return toActionResult(async () => {
    const rt = await getRuntime();
    const user = await currentUser(rt, await headers());
    if (!user) throw new Unauthorized("Sign in again");
    const slug = field(data, "slug");
    const code = field(data, "code");
    const out = await fn(rt, user, slug, code);
    revalidatePath(`/studies/${slug}/panel/people/${code}`);
    return out;
  });
}

export async function showLinkAction(_: PersonActionState, data: FormData): Promise<ActionResult<string>> {
  return run(data, (rt, user, slug, code) => showPersonalLink(rt.db, rt.config, user, slug, code, field(data, "wave"), new Date()));
}

export async function resendAction(_: PersonActionState, data: FormData): Promise<ActionResult<string>> {
  return run(data, async (rt, user, slug, code) => (await resendInvitation(rt.db, user, slug, code, field(data, "wave"), new Date())).message);
}

export async function withdrawAction(_: PersonActionState, data: FormData): Promise<ActionResult<string>> {
  return run(data, async (rt, user, slug, code) => {
    const r = await withdrawOnRequest(rt.db, user, slug, code, field(data, "confirm"), new Date());
    if (r.alreadyWithdrawn) return `${r.code} had already withdrawn; nothing changed.`;
    return `${r.code} is withdrawn: ${r.cancelledMail} waiting email${r.cancelledMail === 1 ? "" : "s"} cancelled, ${r.invitationsOptedOut} open invitation${r.invitationsOptedOut === 1 ? "" : "s"} stopped, ${r.contactErased ? "contact details erased" : r.confirmationQueued ? "contact details erased once the confirmation is sent" : "no contact details to erase"}.`;
  });
}

/**
 * Erases the person's data (GDPR art. 17): "contact" stays on the page with what was done;
 * "everything" goes to the data-protection page, as the person page no longer exists.
 */
export async function eraseAction(_: PersonActionState, data: FormData): Promise<ActionResult<string>> {
  let reference: string | null = null;
  const res = await run(data, async (rt, user, slug, code) => {
    const r = await eraseParticipant(rt.db, rt.config.personalDataKey, user, slug, code, field(data, "kind"), field(data, "confirm"), new Date());
    if (r.kind === "everything") reference = r.reference;
    return `${r.code}: all contact stopped and contact data erased (contact details, mailbox copies, outbox, recruitment entry); pseudonymous answers kept.`;
  });
  if (res.ok && reference) redirect(`/admin/data-protection?erased=${reference}`);
  return res;
}
