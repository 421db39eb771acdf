"use server";
// Server actions of the interviews screen: publish a slot, withdraw one, record an interview's
// outcome. Plain form posts (no script needed); each redirects back with what was done.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUser, type StaffUser } from "../../../../../lib/auth/current-user";
import { Unauthorized } from "../../../../../lib/errors/app-error";
import { recordInterviewOutcome } from "../../../../../lib/recruitment/interview-outcome";
import { createInterviewSlot, withdrawInterviewSlot } from "../../../../../lib/recruitment/interview-slots";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import { getRuntime, type Runtime } from "../../../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../../../action-result";

export type FormState = ActionResult | { ok: null };

async function run<T>(slug: string, fn: (rt: Runtime, user: StaffUser) => Promise<T>): Promise<ActionResult<T>> {
  return toActionResult(async () => {
    const rt = await getRuntime();
    const user = await currentUser(rt, await headers());
    if (!user) throw new Unauthorized("Sign in again");
    const value = await fn(rt, user);
    revalidatePath(`/studies/${slug}/interviews`);
    return value;
  });
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export async function createSlotAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const s = slugSchema.parse(slug);
  const r = await run(s, (rt, user) => createInterviewSlot(rt.db, user, s, {
    start: field(form, "start"), timeZone: field(form, "timeZone"), minutes: field(form, "minutes") as never, mode: field(form, "mode") as never,
    videoUrl: field(form, "videoUrl"), place: field(form, "place"), languages: form.getAll("languages").map(String) as never,
  }, new Date()));
  if (!r.ok) return r;
  redirect(`/studies/${s}/interviews?done=slot`);
}

export async function withdrawSlotAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const s = slugSchema.parse(slug);
  const r = await run(s, (rt, user) => withdrawInterviewSlot(rt.db, user, s, field(form, "slot"), new Date()));
  if (!r.ok) return r;
  redirect(`/studies/${s}/interviews?done=withdrawn`);
}

export async function outcomeAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const s = slugSchema.parse(slug);
  const r = await run(s, (rt, user) => recordInterviewOutcome(rt.db, user, s, { booking: field(form, "booking"), outcome: field(form, "outcome") as never, note: field(form, "note") }, new Date()));
  if (!r.ok) return r;
  redirect(`/studies/${s}/interviews?done=${r.value.outcome}`);
}
