"use server";
// Server actions of the wave screens: each parses its input, checks the user on the server and
// calls one lib/ function. The form actions take a plain form POST (they work without scripts)
// and answer with the form's state, echoing what was typed so a refused form keeps it.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { languageTagSchema } from "../../../../../lib/i18n/language-tag";
import { wallTimeToInstant } from "../../../../../lib/i18n/study-time-zone";
import { requireUser } from "../../../../../lib/auth/current-user";
import { InvalidInput } from "../../../../../lib/errors/app-error";
import { sendTestEmail } from "../../../../../lib/mail/preview-email";
import { getRuntime } from "../../../../../lib/runtime";
import { createWave } from "../../../../../lib/waves/create-wave";
import { deleteWaveOfStudy, editWave, reopenWave } from "../../../../../lib/waves/edit-wave";
import { studyTimeZoneForUser } from "../../../../../lib/waves/get-wave-form";
import { closeWaveNow, openWaveNow, updateWaveSchedule } from "../../../../../lib/waves/manage-wave";
import { previewTargets } from "../../../../../lib/waves/preview-targets";
import { toActionResult, type ActionResult } from "../../../../action-result";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import {
  countText, onFormFields, postedValues, scheduleFieldsShape, toNewWaveCommand, toScheduleCommand, waveFieldsShape, waveFormDefaults,
} from "./wave-form-values";

/** A wave form's state: nothing yet, or the server's answer with the values that were sent. */
export type WaveFormState =
  | { ok: null; values?: Record<string, string>; counted?: string }
  | (ActionResult<string | null> & { values: Record<string, string> });

/**
 * "Count the panel" posted without scripts (a submit button named _count): nothing is saved; the
 * form comes back with what was typed and how many the rule would invite now.
 */
async function countedForm(form: FormData, values: Record<string, string>): Promise<WaveFormState | null> {
  if (form.get("_count") === null) return null;
  const r = await countTargetsAction(target(form).studySlug, { consent: values.consent ?? "", completedWaveId: values.completedWaveId ?? "" });
  return { ok: null, values, counted: r.ok ? countText(r.value) : r.message };
}

async function staff() {
  const rt = await getRuntime();
  return { rt, user: await requireUser(rt, await headers()) };
}

/** The study and wave a form names in its hidden fields. */
function target(form: FormData) {
  return z.object({ studySlug: slugSchema, waveSlug: slugSchema.optional() }).parse({
    studySlug: form.get("studySlug"), waveSlug: form.get("waveSlug") ?? undefined,
  });
}

/** Runs a form's work; the state echoes the values so a refused plain POST keeps what was typed. */
async function formState(values: Record<string, string>, run: () => Promise<string | null>): Promise<WaveFormState> {
  return { ...(await toActionResult(run)), values };
}

/** A time field as an instant in the study's zone, or InvalidInput naming the field. */
function wallTime(field: string, value: string, timeZone: string): Date {
  const at = wallTimeToInstant(value, timeZone);
  if (!at) throw new InvalidInput(`${field}: not a date and time`, [{ path: field, message: "Give a date and time, e.g. 2027-01-10 09:00" }]);
  return at;
}

export async function createWaveAction(_prev: WaveFormState, form: FormData): Promise<WaveFormState> {
  const values = postedValues(form, waveFormDefaults);
  const counted = await countedForm(form, values);
  if (counted) return counted;
  const state = await formState(values, async () => {
    const { rt, user } = await staff();
    const { studySlug } = target(form);
    const tz = await studyTimeZoneForUser(rt.db, user, studySlug);
    const command = toNewWaveCommand(waveFieldsShape.parse(values), tz);
    return (await onFormFields(() => createWave(rt.db, user, studySlug, command, new Date()))).slug;
  });
  if (state.ok) redirect(`/studies/${target(form).studySlug}/waves/${state.value}`);
  return state;
}

export async function editWaveAction(_prev: WaveFormState, form: FormData): Promise<WaveFormState> {
  const values = postedValues(form, waveFormDefaults);
  const counted = await countedForm(form, values);
  if (counted) return counted;
  const state = await formState(values, async () => {
    const { rt, user } = await staff();
    const { studySlug, waveSlug } = target(form);
    const tz = await studyTimeZoneForUser(rt.db, user, studySlug);
    // The edit form sends every field; the slug and mode of a wave never change.
    const { slug: _slug, mode: _mode, ...edit } = toNewWaveCommand(waveFieldsShape.parse(values), tz);
    await onFormFields(() => editWave(rt.db, user, studySlug, waveSlug ?? "", edit, new Date()));
    return waveSlug ?? null;
  });
  if (state.ok) redirect(`/studies/${target(form).studySlug}/waves/${state.value}?saved=1`);
  return state;
}

export async function updateScheduleAction(_prev: WaveFormState, form: FormData): Promise<WaveFormState> {
  const values = postedValues(form, { invitationAt: "", reminderDays: "", remindIf: "not_completed", closingReminderDaysBefore: "", sendRatePerSecond: "" });
  return formState(values, async () => {
    const { rt, user } = await staff();
    const { studySlug, waveSlug } = target(form);
    const tz = await studyTimeZoneForUser(rt.db, user, studySlug);
    const command = toScheduleCommand(scheduleFieldsShape.parse(values), tz);
    await onFormFields(() => updateWaveSchedule(rt.db, user, studySlug, waveSlug ?? "", command, new Date()));
    return "The schedule is saved.";
  });
}

/** While the wave runs: a later closing time. */
export async function extendWaveAction(_prev: WaveFormState, form: FormData): Promise<WaveFormState> {
  const values = postedValues(form, { closesAt: "" });
  return formState(values, async () => {
    const { rt, user } = await staff();
    const { studySlug, waveSlug } = target(form);
    const closesAt = wallTime("closesAt", values.closesAt, await studyTimeZoneForUser(rt.db, user, studySlug));
    await onFormFields(() => editWave(rt.db, user, studySlug, waveSlug ?? "", { closesAt }, new Date()));
    return "The closing time is moved.";
  });
}

/** A closed wave: open again until a new closing time. */
export async function reopenWaveAction(_prev: WaveFormState, form: FormData): Promise<WaveFormState> {
  const values = postedValues(form, { until: "" });
  return formState(values, async () => {
    const { rt, user } = await staff();
    const { studySlug, waveSlug } = target(form);
    const until = wallTime("until", values.until, await studyTimeZoneForUser(rt.db, user, studySlug));
    await reopenWave(rt.db, user, studySlug, waveSlug ?? "", until, new Date());
    return "The wave is open again.";
  });
}

/** The delete page's confirmed POST; then back to the study's waves. */
export async function deleteWaveAction(_prev: WaveFormState, form: FormData): Promise<WaveFormState> {
  const state = await formState({}, async () => {
    const { rt, user } = await staff();
    const { studySlug, waveSlug } = target(form);
    await deleteWaveOfStudy(rt.db, user, studySlug, waveSlug ?? "", new Date());
    return waveSlug ?? null;
  });
  if (state.ok) redirect(`/studies/${target(form).studySlug}/waves?deleted=${state.value}`);
  return state;
}

export async function countTargetsAction(studySlug: string, rule: { consent: string; completedWaveId: string }): Promise<ActionResult<number>> {
  return toActionResult(async () => {
    const { rt, user } = await staff();
    const r = z.object({ consent: z.string().max(64), completedWaveId: z.union([z.literal(""), z.string().uuid()]) }).parse(rule);
    return previewTargets(rt.db, user, slugSchema.parse(studySlug), r);
  });
}

/**
 * "Open now" and "Close now": plain POSTs from the wave page (the confirmation is a details
 * element there, so no script is needed); then back to the wave page, which says what was done.
 */
export async function openWaveNowAction(_prev: WaveFormState, form: FormData): Promise<WaveFormState> {
  return waveNow(form, "opened");
}

export async function closeWaveNowAction(_prev: WaveFormState, form: FormData): Promise<WaveFormState> {
  return waveNow(form, "closed");
}

async function waveNow(form: FormData, done: "opened" | "closed"): Promise<WaveFormState> {
  const state = await formState({}, async () => {
    const { rt, user } = await staff();
    const { studySlug, waveSlug } = target(form);
    await (done === "opened" ? openWaveNow : closeWaveNow)(rt.db, user, studySlug, waveSlug ?? "", new Date());
    return `/studies/${studySlug}/waves/${waveSlug}?done=${done}`;
  });
  if (state.ok && state.value) redirect(state.value);
  return state;
}

/** "Send myself a test": queues the message, then shows it on its own page (a plain POST too). */
export async function sendTestEmailAction(_prev: WaveFormState, form: FormData): Promise<WaveFormState> {
  const values = postedValues(form, { template: "", language: "", requestId: "" });
  const state = await formState(values, async () => {
    const { rt, user } = await staff();
    const input = z
      .object({ studySlug: slugSchema, template: z.string().max(64), language: languageTagSchema("language"), requestId: z.string().uuid() })
      .parse({ ...values, studySlug: form.get("studySlug") });
    await sendTestEmail(rt.db, user, input, new Date());
    return `/studies/${input.studySlug}/waves/emails/test/${input.requestId}`;
  });
  if (state.ok && state.value) redirect(state.value);
  return state;
}
