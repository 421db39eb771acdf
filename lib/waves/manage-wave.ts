// Researcher actions on one wave: change the schedule, open now, close now.
import type { Db } from "../../db/client";
import { cancelPendingForWave } from "../../db/queries/outbox";
import { transaction } from "../../db/transaction";
import { findWave, updateWave, waveUsage, type WaveRow } from "../../db/queries/waves";
import { rescheduleInvitationMail } from "../../db/queries/invitations";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";
import { Conflict, InvalidInput, NotFound } from "../errors/app-error";
import { nudge } from "../nudge/nudge";
import { parseInput } from "../errors/zod-issues";
import { toWaveSchedule, waveScheduleCommandSchema, type WaveScheduleCommand } from "./wave-schema";
import { refusedChanges } from "./wave-edit-rules";
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
  const { study, wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  if (wave.status === "closed") throw new Conflict("This wave is closed");
  const schedule = toWaveSchedule(command);
  const at = schedule.invitationAt ? new Date(schedule.invitationAt) : null;
  if (at && ((wave.opensAt && at < wave.opensAt) || (wave.closesAt && at >= wave.closesAt))) {
    throw new InvalidInput("Check the highlighted fields", [{ path: "invitationAt", message: "Invitations must go between opening and closing" }]);
  }
  if (schedule.closingReminderDaysBefore && !wave.closesAt) {
    throw new InvalidInput("Check the highlighted fields", [{ path: "closingReminderDaysBefore", message: "A closing reminder needs a closing time: give one, or leave this field empty" }]);
  }
  return transaction(db, async (tx) => {
    // While the wave runs, reminders are only added after the existing ones (wave-edit-rules.ts).
    const refused = refusedChanges(wave, await waveUsage(tx, study.id, wave.id), { schedule }, now);
    // This call's input is the schedule itself: its issues are named without the "schedule." prefix.
    const issues = refused.map((i) => ({ ...i, path: i.path.replace(/^schedule\./, "") }));
    if (issues.length) throw new Conflict(issues.map((i) => i.message).join("; "), issues);
    await updateWave(tx, wave.id, { schedule });
    await rescheduleInvitationMail(tx, wave.id, invitationTime({ opensAt: wave.opensAt, schedule }, now));
    await recordAudit(tx, user, { studyId: study.id, action: "wave.schedule", target: wave.slug, filter: {}, rowCount: null, outcome: { status: wave.status, from: wave.schedule, to: schedule } }, now);
    nudge("reconcile");
    return { ...wave, schedule };
  });
}

/** Opens a wave now and sends its invitations now (the worker invites within moments). */
export async function openWaveNow(db: Db, user: StaffUser, studySlug: string, waveSlug: string, now: Date): Promise<void> {
  const { study, wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  if (wave.status === "open") return;
  if (wave.status === "closed") throw new Conflict("This wave is closed; create a new wave instead");
  if (wave.closesAt && wave.closesAt <= now) throw new Conflict("The closing time has passed; change it first");
  const schedule = { ...wave.schedule, invitationAt: now.toISOString() };
  await transaction(db, async (tx) => {
    await updateWave(tx, wave.id, { status: "open", opensAt: now, schedule });
    await rescheduleInvitationMail(tx, wave.id, now);
    await recordAudit(tx, user, { studyId: study.id, action: "wave.open", target: wave.slug, filter: {}, rowCount: null, outcome: { plannedOpensAt: wave.opensAt } }, now);
    nudge("reconcile");
  });
}

/** Closes a wave now: no more answers, and its waiting invitations and reminders are cancelled. */
export async function closeWaveNow(db: Db, user: StaffUser, studySlug: string, waveSlug: string, now: Date): Promise<number> {
  const { study, wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  if (wave.status === "closed") return 0;
  return transaction(db, async (tx) => {
    await updateWave(tx, wave.id, { status: "closed", closesAt: now });
    const cancelled = await cancelPendingForWave(tx, wave.id, "the wave was closed");
    await recordAudit(tx, user, { studyId: study.id, action: "wave.close", target: wave.slug, filter: {}, rowCount: cancelled, outcome: { plannedClosesAt: wave.closesAt, cancelledMessages: cancelled } }, now);
    return cancelled;
  });
}
