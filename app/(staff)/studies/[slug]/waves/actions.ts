"use server";
// Server actions of the wave screens: each parses its input, checks the user on the server and
// calls one lib/ function.
import { headers } from "next/headers";
import { z } from "zod";
import { languageTagSchema } from "../../../../../lib/i18n/language-tag";
import { requireUser } from "../../../../../lib/auth/current-user";
import { sendTestEmail } from "../../../../../lib/mail/preview-email";
import { getRuntime } from "../../../../../lib/runtime";
import { createWave } from "../../../../../lib/waves/create-wave";
import { closeWaveNow, openWaveNow, updateWaveSchedule } from "../../../../../lib/waves/manage-wave";
import { previewTargets } from "../../../../../lib/waves/preview-targets";
import { toActionResult, type ActionResult } from "../../../../action-result";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import {
  onFormFields, scheduleFieldsShape, toNewWaveCommand, toScheduleCommand, waveFieldsShape, type ScheduleFields, type WaveFormValues,
} from "./wave-form-values";


async function staff() {
  const rt = await getRuntime();
  return { rt, user: await requireUser(rt, await headers()) };
}

export async function createWaveAction(studySlug: string, values: WaveFormValues): Promise<ActionResult<string>> {
  return toActionResult(async () => {
    const { rt, user } = await staff();
    const command = toNewWaveCommand(waveFieldsShape.parse(values));
    const wave = await onFormFields(() => createWave(rt.db, user, slugSchema.parse(studySlug), command, new Date()));
    return wave.slug;
  });
}

export async function countTargetsAction(studySlug: string, rule: { consent: string; completedWaveId: string }): Promise<ActionResult<number>> {
  return toActionResult(async () => {
    const { rt, user } = await staff();
    const r = z.object({ consent: z.string().max(64), completedWaveId: z.union([z.literal(""), z.string().uuid()]) }).parse(rule);
    return previewTargets(rt.db, user, slugSchema.parse(studySlug), r);
  });
}

export async function updateScheduleAction(studySlug: string, waveSlug: string, values: ScheduleFields): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    const { rt, user } = await staff();
    const command = toScheduleCommand(scheduleFieldsShape.parse(values));
    await onFormFields(() => updateWaveSchedule(rt.db, user, slugSchema.parse(studySlug), slugSchema.parse(waveSlug), command, new Date()));
    return null;
  });
}

export async function openWaveNowAction(studySlug: string, waveSlug: string): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    const { rt, user } = await staff();
    await openWaveNow(rt.db, user, slugSchema.parse(studySlug), slugSchema.parse(waveSlug), new Date());
    return null;
  });
}

export async function closeWaveNowAction(studySlug: string, waveSlug: string): Promise<ActionResult<number>> {
  return toActionResult(async () => {
    const { rt, user } = await staff();
    return closeWaveNow(rt.db, user, slugSchema.parse(studySlug), slugSchema.parse(waveSlug), new Date());
  });
}

export async function sendTestEmailAction(studySlug: string, template: string, language: string, requestId: string): Promise<ActionResult<boolean>> {
  return toActionResult(async () => {
    const { rt, user } = await staff();
    const input = z
      .object({ studySlug: slugSchema, template: z.string().max(64), language: languageTagSchema("language"), requestId: z.string().uuid() })
      .parse({ studySlug, template, language, requestId });
    return sendTestEmail(rt.db, user, input, new Date());
  });
}
