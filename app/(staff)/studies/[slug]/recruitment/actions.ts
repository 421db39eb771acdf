"use server";
// Server actions of the recruitment screen: save a rule, record a step for the chosen people,
// send an interview request after its preview. The last two are plain form posts (no script needed).
import { redirect } from "next/navigation";
import { saveRecruitmentRule } from "../../../../../lib/recruitment/save-recruitment-rule";
import { sendInterviewRequest } from "../../../../../lib/recruitment/send-interview-request";
import { recordSteps } from "../../../../../lib/recruitment/record-steps";
import { updateBoardEntry } from "../../../../../lib/recruitment/update-board-entry";
import type { RuleInput } from "../../../../../lib/recruitment/rule-schema";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import type { ActionResult } from "../../../../action-result";
import { formField, runStudyAction } from "../study-action";

/** Runs one step for the signed-in user; on success the value is the message to show. */
const run = <T>(slug: string, fn: Parameters<typeof runStudyAction<T>>[1]) => runStudyAction(`/studies/${slug}/recruitment`, fn);
const field = formField;

/** What the rule form sent, echoed so a refused plain POST keeps it. */
export type RuleFormValues = { name: string; waveId: string; trajectories: RuleInput["trajectories"]; consent: string; active: boolean };
export type RuleFormState = { ok: null } | (ActionResult<string> & { values: RuleFormValues });

/** The rule form (a plain POST): create or change a rule; it back-fills the board at once. */
// The study comes as a hidden field, not a bound argument: a form state drawn again after a plain
// POST (a refusal) then renders like the wave forms' (the bound form hung the server's render).
export async function saveRuleAction(_prev: RuleFormState, form: FormData): Promise<RuleFormState> {
  const s = slugSchema.parse(field(form, "slug"));
  const values: RuleFormValues = {
    name: field(form, "name"), waveId: field(form, "waveId"), consent: field(form, "consent"),
    trajectories: form.getAll("trajectories").map(String) as RuleFormValues["trajectories"], active: form.get("active") !== null,
  };
  const id = field(form, "id") || undefined;
  const r = await run(s, async (rt, user) => {
    const saved = await saveRecruitmentRule(rt.db, user, s, { ...values, id, waveId: values.waveId || null, consent: values.consent || null }, new Date());
    return `Saved. ${saved.flagged} flagged, ${saved.unflagged} taken back${saved.removedWithdrawn ? `, ${saved.removedWithdrawn} withdrawn removed` : ""}.`;
  });
  return { ...r, values };
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
export async function saveNotesAction(_prev: FormState, form: FormData): Promise<FormState> {
  const s = slugSchema.parse(field(form, "slug"));
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
