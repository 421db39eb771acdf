"use server";
// The settings page's retention form: the study's end date and how many months contact data,
// mailbox copies and (optionally) answers are kept after it (lib/privacy/retention.ts reads them).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "../../../../../lib/auth/current-user";
import { updateRetention } from "../../../../../lib/privacy/update-retention";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import { getRuntime } from "../../../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../../../action-result";

export type RetentionFormState = (ActionResult<string> & { values: Record<string, string> }) | { ok: null };

export async function updateRetentionAction(_prev: RetentionFormState, form: FormData): Promise<RetentionFormState> {
  const values = Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const res = await toActionResult(async () => {
    const rt = await getRuntime();
    const user = await requireUser(rt, await headers());
    const slug = slugSchema.parse(values.slug ?? "");
    await updateRetention(rt.db, user, slug, values, new Date());
    return slug;
  });
  if (res.ok) redirect(`/studies/${res.value}/settings?saved=1#retention`);
  return { ...res, values };
}
