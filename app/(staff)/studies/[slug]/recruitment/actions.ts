"use server";
// Server actions of the recruitment screen: save a rule, record a step for the chosen people,
// send an interview request after its preview. The last two are plain form posts (no script needed).
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUser, type StaffUser } from "../../../../../lib/auth/current-user";
import { Unauthorized } from "../../../../../lib/errors/app-error";
import { saveRecruitmentRule } from "../../../../../lib/recruitment/save-recruitment-rule";
import { sendInterviewRequest } from "../../../../../lib/recruitment/send-interview-request";
import { recordSteps } from "../../../../../lib/recruitment/record-steps";
import { updateBoardEntry } from "../../../../../lib/recruitment/update-board-entry";
import type { RuleInput } from "../../../../../lib/recruitment/rule-schema";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import { getRuntime, type Runtime } from "../../../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../../../action-result";

/** Runs one step for the signed-in user; on success the value is the message to show. */
async function run<T>(slug: string, fn: (rt: Runtime, user: StaffUser) => Promise<T>): Promise<ActionResult<T>> {
  return toActionResult(async () => {
    const rt = await getRuntime();
    const user = await currentUser(rt, await headers());
    if (!user) throw new Unauthorized("Sign in again");
    const value = await fn(rt, user);
    revalidatePath(`/studies/${slug}/recruitment`);
    return value;
  });
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export async function saveRuleAction(slug: string, input: RuleInput): Promise<ActionResult<string>> {
  return run(slug, async (rt, user) => {
    const r = await saveRecruitmentRule(rt.db, user, slug, input, new Date());
    return `Saved. ${r.flagged} flagged, ${r.unflagged} taken back${r.removedWithdrawn ? `, ${r.removedWithdrawn} withdrawn removed` : ""}.`;
  });
}

export type FormState = ActionResult | { ok: null };

/** The board's bulk form: the chosen entries (checkboxes), the step, its day and a note. */
export async function recordStepsAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const s = slugSchema.parse(slug);
  const r = await run(s, async (rt, user) =>
    recordSteps(rt.db, user, s, { entries: form.getAll("entries").map(String), to: field(form, "to") as never, at: field(form, "at"), note: field(form, "note") || undefined }, new Date()),
  );
  if (!r.ok) return r;
  redirect(`/studies/${s}/recruitment?done=${r.value.status ?? "noted"}&n=${r.value.updated.length}`);
}

/** One person's notes from their row on the board (replaces them; audited as a note). */
export async function saveNotesAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const s = slugSchema.parse(slug);
  const r = await run(s, async (rt, user) => updateBoardEntry(rt.db, user, s, { id: field(form, "id"), notes: field(form, "notes") }, new Date()));
  if (!r.ok) return r;
  redirect(`/studies/${s}/recruitment?done=notes&n=1`);
}

/** The confirmation on the request's preview page: queue it, then back to the board. */
export async function sendRequestAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const s = slugSchema.parse(slug);
  const id = field(form, "id");
  const r = await run(s, async (rt, user) => sendInterviewRequest(rt.db, user, s, { id }, new Date()));
  if (!r.ok) return r;
  redirect(`/studies/${s}/recruitment?done=invited&n=1`);
}
