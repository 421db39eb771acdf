"use server";
// The keep-in-touch screen's server action: schedule a mailing, or send it now (lib/panel/keep-in-touch.ts). A plain POST: works without scripts.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requireUser } from "../../../../../../lib/auth/current-user";
import { createKeepInTouch } from "../../../../../../lib/panel/keep-in-touch";
import { getRuntime } from "../../../../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../../../../action-result";

export type KeepInTouchFormState = (ActionResult<string> | { ok: null }) & { values?: Record<string, string> };

export async function keepInTouchAction(_prev: KeepInTouchFormState, form: FormData): Promise<KeepInTouchFormState> {
  const field = (name: string) => String(form.get(name) ?? "");
  const slug = field("slug");
  const values: Record<string, string> = { audience: field("audience"), olderThanMonths: field("olderThanMonths").slice(0, 10), sendAt: field("sendAt").slice(0, 40) };
  const messages: Record<string, { subject: string; body: string }> = {};
  for (const [k, v] of form.entries()) {
    const m = /^messages\.([a-z]{2,3})\.(subject|body)$/.exec(k);
    if (!m || typeof v !== "string") continue;
    messages[m[1]] ??= { subject: "", body: "" };
    messages[m[1]][m[2] as "subject" | "body"] = v.slice(0, 6000);
    values[k] = v.slice(0, 6000);
  }
  const sendNow = form.get("send") === "now";
  const r = await toActionResult(async () => {
    const rt = await getRuntime();
    const user = await requireUser(rt, await headers());
    const older = values.audience === "older" ? values.olderThanMonths || "0" : null;
    const made = await createKeepInTouch(rt.db, user, slug, { messages, olderThanMonths: older, sendAt: sendNow ? null : values.sendAt, sendNow }, new Date());
    revalidatePath(`/studies/${slug}/panel/keep-in-touch`);
    return made.recipients === null ? "The mailing is scheduled." : `Sent to ${made.recipients} ${made.recipients === 1 ? "person" : "people"}.`;
  });
  return r.ok ? r : { ...r, values };
}
