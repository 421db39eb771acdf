// Researcher changes to a wave after it was created: edit it (before it opens: anything; while it
// runs: a later close date, more reminders), delete it before it opens, reopen it once closed.
// Each is one transaction with its audit entry; the worker reads the wave afresh every run, so a
// change takes effect at the next reconcile (nudged after COMMIT).
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { instrumentVersionBelongsToStudy } from "../../db/queries/instruments";
import { rescheduleInvitationMail } from "../../db/queries/invitations";
import { deleteWave, findWave, updateWaveSettings, waveUsage, type WaveRow } from "../../db/queries/waves";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { Conflict, InvalidInput } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { nudge } from "../nudge/nudge";
import { checkTargeting } from "./check-targeting";
import { loadWaveForUser } from "./manage-wave";
import { deleteRefusal, refusedChanges, reopenRefusal, type WaveChange } from "./wave-edit-rules";
import { applyEdit, newWaveCommandSchema, toWaveSettings, waveToCommand, type WaveEditCommand } from "./wave-schema";
import { invitationTime } from "./wave-state";

const refuse = (issues: { path: string; message: string }[]) => new Conflict(issues.map((i) => i.message).join("; "), issues);

/** The fields whose stored value a change alters, as { field: { from, to } } for the audit log. */
function changedFields(w: WaveRow, change: WaveChange): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(change)) {
    const from = w[k as keyof WaveChange];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) out[k] = { from: from ?? null, to: to ?? null };
  }
  return out;
}

/**
 * Edits a wave of a study the user may see. Before it opens: name, questionnaire version, times,
 * targeting and schedule. While it runs: a later closing time and reminders added after the
 * existing ones (anything else is a Conflict naming the field and why). A closed wave is
 * reopened instead. New targeting must reach someone (InvalidInput on the field). Audited.
 */
export async function editWave(db: Db, user: StaffUser, studySlug: string, waveSlug: string, edit: WaveEditCommand, now: Date): Promise<WaveRow> {
  const { study, wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  if (wave.status === "closed") throw refuse([{ path: "status", message: "The wave is closed; reopen it first to change it" }]);
  const next = toWaveSettings(parseInput(newWaveCommandSchema, applyEdit(waveToCommand(wave), edit)));
  const change: WaveChange = {
    name: next.name, instrumentVersionId: next.instrumentVersionId, opensAt: next.opensAt, closesAt: next.closesAt,
    ...(wave.mode === "panel" ? { targetRule: next.targetRule, schedule: next.schedule } : {}),
  };
  return transaction(db, async (tx) => {
    const refused = refusedChanges(wave, await waveUsage(tx, study.id, wave.id), change, now);
    if (refused.length) throw refuse(refused);
    const changed = changedFields(wave, change);
    if (Object.keys(changed).length === 0) return wave;
    if (changed.instrumentVersionId && !(await instrumentVersionBelongsToStudy(tx, study.id, next.instrumentVersionId))) {
      throw new InvalidInput("instrumentVersionId: not a version of this study", [{ path: "instrumentVersionId", message: "Choose a version of this study's questionnaire" }]);
    }
    if (changed.targetRule && next.targetRule) {
      const earlier = next.targetRule.completedWaveId;
      if (earlier && (earlier === wave.id || !(await findWave(tx, study.id, { id: earlier })))) {
        throw new InvalidInput("completedWaveId: not an earlier wave of this study", [{ path: "completedWaveId", message: "Choose another wave of this study" }]);
      }
      await checkTargeting(tx, study, next.targetRule);
    }
    const row = await updateWaveSettings(tx, wave.id, change, now);
    if (changed.schedule || changed.opensAt) await rescheduleInvitationMail(tx, wave.id, invitationTime(row, now));
    await recordAudit(tx, user, { studyId: study.id, action: "wave.update", target: wave.slug, filter: {}, rowCount: null, outcome: { status: wave.status, changed } }, now);
    nudge("reconcile");
    return row;
  });
}

/**
 * Deletes a wave that has not opened and that nothing hangs on (no invitations or answers, no
 * later wave or recruitment rule naming it); a Conflict says why not otherwise. Nothing of it is
 * left to send: its rows go with it in the same transaction. Audited.
 */
export async function deleteWaveOfStudy(db: Db, user: StaffUser, studySlug: string, waveSlug: string, now: Date): Promise<void> {
  const { study, wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  await transaction(db, async (tx) => {
    const why = deleteRefusal(wave, await waveUsage(tx, study.id, wave.id));
    if (why) throw new Conflict(why, [{ path: "status", message: why }]);
    await deleteWave(tx, study.id, wave.id);
    await recordAudit(tx, user, {
      studyId: study.id, action: "wave.delete", target: wave.slug, filter: {}, rowCount: null,
      outcome: { name: wave.name, mode: wave.mode, opensAt: wave.opensAt, closesAt: wave.closesAt },
    }, now);
  });
}

/**
 * Reopens a closed wave until `until` (its new closing time): people can answer again and the
 * worker invites and reminds as while it ran (nobody gets a message twice: the outbox keys and
 * reminder counts hold). Mail cancelled at closing is not queued again. Audited.
 */
export async function reopenWave(db: Db, user: StaffUser, studySlug: string, waveSlug: string, until: Date, now: Date): Promise<WaveRow> {
  const { study, wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  const why = reopenRefusal(wave, until, now);
  if (why?.path === "until") throw new InvalidInput(why.message, [why]);
  if (why) throw refuse([why]);
  return transaction(db, async (tx) => {
    const row = await updateWaveSettings(tx, wave.id, { status: "open", closesAt: until }, now);
    await recordAudit(tx, user, {
      studyId: study.id, action: "wave.reopen", target: wave.slug, filter: {}, rowCount: null, outcome: { closedAt: wave.closesAt, reopenUntil: until },
    }, now);
    nudge("reconcile");
    return row;
  });
}
