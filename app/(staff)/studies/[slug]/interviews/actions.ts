"use server";
// Server actions of the interviews screen: publish a slot, withdraw one, record an interview's
// outcome. Plain form posts (no script needed); each redirects back with what was done.
import { redirect } from "next/navigation";
import { recordInterviewOutcome } from "../../../../../lib/recruitment/interview-outcome";
import { createInterviewSlot, withdrawInterviewSlot } from "../../../../../lib/recruitment/interview-slots";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import { updateStudy } from "../../../../../lib/studies/update-study";
import type { ActionResult } from "../../../../action-result";
import { formField, runStudyAction } from "../study-action";

export type FormState = ActionResult | { ok: null };

/** Runs one step for the signed-in user; on success the value is the message to show. */
const run = <T>(slug: string, fn: Parameters<typeof runStudyAction<T>>[1]) => runStudyAction(`/studies/${slug}/interviews`, fn);
const field = formField;

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

/** Admins only (update-study.ts refuses others): researchers see booked people's email, or not. */
export async function contactsAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const s = slugSchema.parse(slug);
  const allowed = field(form, "allowed") === "yes";
  const r = await run(s, (rt, user) => updateStudy(rt.db, user, s, { settings: { interviewersSeeContacts: allowed } }, new Date()));
  if (!r.ok) return r;
  redirect(`/studies/${s}/interviews?done=${allowed ? "contacts_on" : "contacts_off"}`);
}
