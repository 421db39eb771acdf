"use server";
// The consents screen's server action: send a new consent version (lib/panel/send-reconsent.ts). A plain POST: works without scripts.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requireUser } from "../../../../../lib/auth/current-user";
import { sendReconsent } from "../../../../../lib/panel/send-reconsent";
import { getRuntime } from "../../../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../../../action-result";

export type ReconsentFormState = (ActionResult<string> | { ok: null }) & { values?: Record<string, string> };

export async function reconsentAction(_prev: ReconsentFormState, form: FormData): Promise<ReconsentFormState> {
  const field = (name: string) => String(form.get(name) ?? "");
  const slug = field("slug");
  const values: Record<string, string> = { kind: field("kind"), wordingVersion: field("wordingVersion").slice(0, 200) };
  const wording: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (k.startsWith("wording.") && typeof v === "string") wording[k.slice(8)] = v.slice(0, 6000);
  for (const [l, t] of Object.entries(wording)) values[`wording.${l}`] = t;
  const r = await toActionResult(async () => {
    const rt = await getRuntime();
    const user = await requireUser(rt, await headers());
    const sent = await sendReconsent(rt.db, rt.config.personalDataKey, user, slug, { kind: values.kind, wordingVersion: values.wordingVersion, wording }, new Date());
    revalidatePath(`/studies/${slug}/consents`);
    return `Version ${values.wordingVersion.trim()} of ${values.kind} sent to ${sent.recipients} ${sent.recipients === 1 ? "person" : "people"}.`;
  });
  return r.ok ? r : { ...r, values };
}
