// Researcher actions on one wave: change the schedule, open now, close now.
import type { Db } from "../../db/client";
import { cancelPendingForWave } from "../../db/queries/outbox";
import { findWave, updateWave, type WaveRow } from "../../db/queries/waves";
import { rescheduleInvitationMail } from "../../db/queries/invitations";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";
import { Conflict, InvalidInput, NotFound } from "../errors/app-error";
import { nudge } from "../nudge/nudge";
import { parseInput } from "../errors/zod-issues";
import { toWaveSchedule, waveScheduleCommandSchema, type WaveScheduleCommand } from "./wave-schema";
import { invitationTime } from "./wave-state";

/** The wave of a study the user may see, or NotFound. */
export async function loadWaveForUser(db: Db, user: StaffUser, studySlug: string, waveSlug: string) {
  const study = await studyForUser(db, user, studySlug);
  const wave = await findWave(db, study.id, { slug: waveSlug });
  if (!wave) throw new NotFound("Wave not found");
  return { study, wave };
}

/**
 * Replaces a panel wave's invitation and reminder schedule. Waiting invitation emails move to the
 * new invitation time; reminders already queued stay. Not allowed once the wave is closed. Issue
 * paths are the schedule command's (invitationAt, reminderDays, …).
 */
export async function updateWaveSchedule(db: Db, user: StaffUser, studySlug: string, waveSlug: string, input: WaveScheduleCommand, now: Date): Promise<WaveRow> {
  const command = parseInput(waveScheduleCommandSchema, input);
  const { wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  if (wave.status === "closed") throw new Conflict("This wave is closed");
  const schedule = toWaveSchedule(command);
  const at = schedule.invitationAt ? new Date(schedule.invitationAt) : null;
  if (at && ((wave.opensAt && at < wave.opensAt) || (wave.closesAt && at >= wave.closesAt))) {
    throw new InvalidInput("Check the highlighted fields", [{ path: "invitationAt", message: "Invitations must go between opening and closing" }]);
  }
  if (schedule.closingReminderDaysBefore && !wave.closesAt) {
    throw new InvalidInput("Check the highlighted fields", [{ path: "closingReminderDaysBefore", message: "A closing reminder needs a closing time" }]);
  }
  await updateWave(db, wave.id, { schedule });
  await rescheduleInvitationMail(db, wave.id, invitationTime({ opensAt: wave.opensAt, schedule }, now));
  nudge("reconcile");
  return { ...wave, schedule };
}

/** Opens a wave now and sends its invitations now (the worker invites within moments). */
export async function openWaveNow(db: Db, user: StaffUser, studySlug: string, waveSlug: string, now: Date): Promise<void> {
  const { wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  if (wave.status === "open") return;
  if (wave.status === "closed") throw new Conflict("This wave is closed; create a new wave instead");
  if (wave.closesAt && wave.closesAt <= now) throw new Conflict("The closing time has passed; change it first");
  const schedule = { ...wave.schedule, invitationAt: now.toISOString() };
  await updateWave(db, wave.id, { status: "open", opensAt: now, schedule });
  await rescheduleInvitationMail(db, wave.id, now);
  nudge("reconcile");
}

/** Closes a wave now: no more answers, and its waiting invitations and reminders are cancelled. */
export async function closeWaveNow(db: Db, user: StaffUser, studySlug: string, waveSlug: string, now: Date): Promise<number> {
  const { wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  if (wave.status === "closed") return 0;
  await updateWave(db, wave.id, { status: "closed", closesAt: now });
  return cancelPendingForWave(db, wave.id, "the wave was closed");
}
