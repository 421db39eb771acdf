"use server";
// The settings page's retention form: the study's end date and how many months contact data,
// mailbox copies and (optionally) answers are kept after it (lib/privacy/retention.ts reads them).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "../../../../../lib/auth/current-user";
import { InvalidInput } from "../../../../../lib/errors/app-error";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import { updateStudy } from "../../../../../lib/studies/update-study";
import { getRuntime } from "../../../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../../../action-result";

export type RetentionFormState = (ActionResult<string> & { values: Record<string, string> }) | { ok: null };

const months = (v: string) => (/^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);

export async function updateRetentionAction(_prev: RetentionFormState, form: FormData): Promise<RetentionFormState> {
  const values = Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const res = await toActionResult(async () => {
    const rt = await getRuntime();
    const user = await requireUser(rt, await headers());
    const slug = slugSchema.parse(values.slug ?? "");
    const endDate = (values.endDate ?? "").trim();
    let retention = null;
    if (endDate || values.contactMonths?.trim()) {
      const issues = [];
      const contact = months(values.contactMonths ?? "");
      const answers = values.answersMonths?.trim() ? months(values.answersMonths) : null;
      if (!endDate) issues.push({ path: "endDate", message: "Give the study's end date, e.g. 2027-12-31" });
      if (Number.isNaN(contact)) issues.push({ path: "contactMonths", message: "Whole months, 0 or more" });
      if (answers !== null && Number.isNaN(answers)) issues.push({ path: "answersMonths", message: "Whole months, 0 or more, or leave it empty" });
      if (issues.length) throw new InvalidInput("Check the retention fields", issues);
      retention = { endDate, contactMonths: contact, answersMonths: answers };
    }
    try {
      await updateStudy(rt.db, user, slug, { settings: { retention } }, new Date());
    } catch (e) {
      if (!(e instanceof InvalidInput)) throw e;
      throw new InvalidInput(e.message, e.issues.map((i) => ({ ...i, path: i.path.replace(/^settings\.retention\./, "") })));
    }
    return slug;
  });
  if (res.ok) redirect(`/studies/${res.value}/settings?saved=1#retention`);
  return { ...res, values };
}
