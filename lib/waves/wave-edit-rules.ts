// What may change on a wave in each state (docs/wave-lifecycle.md, "Changing a wave"), as pure
// functions: before it opens everything may; while it runs the close date may move later and
// reminders may be added after the existing ones; a closed wave changes only by being reopened.
import type { FieldIssue } from "../errors/app-error";
import type { TargetRule, WaveSchedule, WaveStatus } from "../../db/schema/waves";

/** The wave as the rules read it. */
export type EditableWave = {
  status: WaveStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  instrumentVersionId: string;
  targetRule: TargetRule | null;
  schedule: WaveSchedule;
};

/** How far the wave's mail has gone: invitations created, and sent. */
export type WaveProgress = { invitations: number; sent: number };

/** A change to a wave: only the fields given change (the stored shapes). */
export type WaveChange = {
  name?: string;
  instrumentVersionId?: string;
  opensAt?: Date;
  closesAt?: Date | null;
  targetRule?: TargetRule | null;
  schedule?: WaveSchedule;
};

const sameTime = (a: Date | null | undefined, b: Date | null | undefined) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameRule = (a: TargetRule | null | undefined, b: TargetRule | null | undefined) =>
  (a?.consent ?? "") === (b?.consent ?? "") && (a?.completedWaveId ?? "") === (b?.completedWaveId ?? "");
const days = (s: WaveSchedule) => (s.reminders ?? []).map((r) => r.afterDays);

/**
 * The fields of `change` the wave's state refuses, each with the reason; empty when the change
 * may be made. Unchanged values are never refused (a form sends every field). Pure.
 */
export function refusedChanges(w: EditableWave, progress: WaveProgress, change: WaveChange, now: Date): FieldIssue[] {
  const changed = {
    instrumentVersionId: change.instrumentVersionId !== undefined && change.instrumentVersionId !== w.instrumentVersionId,
    opensAt: change.opensAt !== undefined && !sameTime(change.opensAt, w.opensAt),
    closesAt: change.closesAt !== undefined && !sameTime(change.closesAt, w.closesAt),
    targetRule: change.targetRule !== undefined && !sameRule(change.targetRule, w.targetRule),
    schedule: change.schedule !== undefined && JSON.stringify(normalSchedule(change.schedule)) !== JSON.stringify(normalSchedule(w.schedule)),
  };
  const out: FieldIssue[] = [];
  if (w.status === "closed") {
    const any = change.name !== undefined || Object.values(changed).some(Boolean);
    return any ? [{ path: "status", message: "The wave is closed; reopen it first to change it" }] : [];
  }
  if (w.status === "scheduled" && progress.invitations === 0) {
    if (changed.opensAt && change.opensAt! < now) out.push({ path: "opensAt", message: "The opening time has passed; choose a later one or open the wave now" });
    return out;
  }
  // From here the wave runs (or its invitations exist): what was promised to people stays.
  if (changed.instrumentVersionId) out.push({ path: "instrumentVersionId", message: "The questionnaire version cannot change once the wave has opened" });
  if (changed.opensAt) out.push({ path: "opensAt", message: "The wave has opened; its opening time cannot change" });
  if (changed.targetRule) {
    out.push({ path: "consent", message: "The targeting cannot change after invitations went out; create a new wave for other people" });
  }
  if (changed.closesAt) {
    const to = change.closesAt;
    if (!to) out.push({ path: "closesAt", message: "A running wave keeps a closing time; move it later instead" });
    else if (w.closesAt && to < w.closesAt) out.push({ path: "closesAt", message: "While the wave runs, its closing time can only move later" });
    else if (to <= now) out.push({ path: "closesAt", message: "The new closing time must be in the future" });
  }
  if (changed.schedule) {
    const s = change.schedule!;
    const before = days(w.schedule);
    const after = days(s);
    if (after.length < before.length || before.some((d, i) => after[i] !== d)) {
      out.push({
        path: "schedule.reminderDays",
        message: before.length
          ? `While the wave runs, reminders can only be added after the existing ones (${before.join(", ")})`
          : "While the wave runs, reminders can only be added",
      });
    }
    if (progress.sent > 0 && (s.invitationAt ?? null) !== (w.schedule.invitationAt ?? null)) {
      out.push({ path: "schedule.invitationAt", message: "Invitations have gone out; their time cannot change" });
    }
  }
  return out;
}

/** A schedule with defaults filled in, so an unchanged schedule compares equal. */
function normalSchedule(s: WaveSchedule) {
  return {
    invitationAt: s.invitationAt ?? null,
    reminders: days(s),
    remindIf: s.remindIf ?? "not_completed",
    closingReminderDaysBefore: s.closingReminderDaysBefore ?? null,
    sendRatePerSecond: s.sendRatePerSecond ?? null,
  };
}

/** Why a wave may not be deleted, or null when it may (before it opens, nothing hanging on it). Pure. */
export function deleteRefusal(w: Pick<EditableWave, "status">, usage: WaveProgress & { responses: number; laterWaves: number; recruitmentRules: number }): string | null {
  if (w.status === "open") return "The wave is open; close it instead (its answers are kept)";
  if (w.status === "closed") return "A closed wave keeps its answers; it cannot be deleted";
  if (usage.invitations > 0 || usage.responses > 0) return "Invitations or answers exist for this wave; close it instead";
  if (usage.laterWaves > 0) return "Another wave invites those who completed this one; change that wave first";
  if (usage.recruitmentRules > 0) return "A recruitment rule uses this wave; change the rule first";
  return null;
}

/** Why a wave may not be reopened until `until`, or null when it may (closed, until in the future). Pure. */
export function reopenRefusal(w: Pick<EditableWave, "status">, until: Date, now: Date): FieldIssue | null {
  if (w.status !== "closed") return { path: "status", message: w.status === "open" ? "The wave is open; extend its closing time instead" : "The wave has not opened yet" };
  if (until <= now) return { path: "until", message: "Reopen until a time in the future" };
  return null;
}
