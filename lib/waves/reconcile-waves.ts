// The "reconcile what is due" step of the wave lifecycle (docs/wave-lifecycle.md), run every
// minute by the worker and right after "open now". Idempotent: every effect rests on a unique key
// (invitations (wave, participant), outbox idempotency_key, the invitation's reminder count).
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { cancelPendingForWave } from "../../db/queries/outbox";
import { markInvitationsSent, insertInvitationsWithMail } from "../../db/queries/invitations";
import { getMeta, setMeta } from "../../db/queries/meta";
import { findEarlierValues } from "../../db/queries/responses";
import { findOpenPanelWaves, findUninvitedTargets, findWavesToTransition, panelFingerprint, queueReminderBatch, updateWave, type WaveRow } from "../../db/queries/waves";
import { hashToken, invitationToken } from "../crypto/tokens";
import { loadDefinitions } from "../studies/load-waves";
import { dueReminders, invitationTime, waveTransition } from "./wave-state";

export type ReconcileStats = { opened: number; closed: number; invited: number; reminders: number; closingReminders: number; cancelled: number };

export type ReconcileOptions = { personalDataKey: Buffer; batchSize?: number; waveId?: string };

/** Opens and closes waves whose time has come; closing cancels the wave's waiting mail. */
async function transitionWaves(db: Db, now: Date, stats: ReconcileStats) {
  for (const w of await findWavesToTransition(db, now)) {
    const to = waveTransition(w, now);
    if (to === "open") {
      await updateWave(db, w.id, { status: "open" });
      stats.opened++;
    } else if (to === "closed") {
      await updateWave(db, w.id, { status: "closed" });
      stats.cancelled += await cancelPendingForWave(db, w.id, "the wave closed");
      stats.closed++;
    }
  }
}

/**
 * Invites every target participant who has no invitation yet (late consenters included). The
 * panel is read only when something the rule depends on changed since the last read.
 */
export async function inviteTargets(db: Db, w: WaveRow, now: Date, opts: ReconcileOptions): Promise<number> {
  const scanKey = `wave-invite-scan:${w.id}`;
  const fingerprint = `${JSON.stringify(w.targetRule ?? {})}|${await panelFingerprint(db, w.studyId, w.targetRule?.completedWaveId)}`;
  if ((await getMeta<string>(db, scanKey)) === fingerprint) return 0;
  const batchSize = opts.batchSize ?? 1000;
  const consent = w.targetRule?.consent || "follow_up_surveys";
  const sendAt = invitationTime(w, now);
  // The questionnaire's preload fields ("In 2022 you lived in ${municipality}") are filled from
  // each person's earlier waves when they are invited, as the respondent pages expect.
  const def = (await loadDefinitions(db, [w.instrumentVersionId])).get(w.instrumentVersionId)!;
  // A field reads its `from` variable when the form uses that name for something else; a repeat
  // marked preload starts from the entries of the same repeat in an earlier wave.
  const repeatNames = def.pages.flatMap((p) => (p.repeat?.preload ? [p.repeat.name] : []));
  const preloadNames = [...new Set([...def.preload.map((f) => f.from ?? f.name), ...repeatNames])];
  const preloadOf = (earlier: Record<string, unknown>) => ({
    ...Object.fromEntries(def.preload.filter((f) => earlier[f.from ?? f.name] !== undefined).map((f) => [f.name, earlier[f.from ?? f.name]])),
    ...Object.fromEntries(repeatNames.filter((n) => earlier[n] !== undefined).map((n) => [n, earlier[n]])),
  });
  let invited = 0;
  let afterId: string | null = null;
  for (;;) {
    const page = await findUninvitedTargets(db, w, { afterId, limit: batchSize });
    if (page.lastId === null) break;
    afterId = page.lastId;
    const earlier = await findEarlierValues(db, w, page.targets.map((t) => t.id), preloadNames);
    const rows = page.targets.map((t) => {
      const id = randomUUID();
      return { id, participantId: t.id, language: t.language, tokenHash: hashToken(invitationToken(opts.personalDataKey, id)), preload: preloadOf(earlier.get(t.id) ?? {}) };
    });
    invited += await insertInvitationsWithMail(db, rows, { id: w.id, studyId: w.studyId, consent }, sendAt);
  }
  // Taken before the read: a change during it alters the fingerprint, so the next run reads again.
  await setMeta(db, scanKey, fingerprint);
  return invited;
}

async function queueReminders(db: Db, w: WaveRow, now: Date, batchSize: number, stats: ReconcileStats) {
  const due = dueReminders(w, now);
  const wave = {
    id: w.id,
    studyId: w.studyId,
    consent: w.targetRule?.consent || "follow_up_surveys",
    remindIf: w.schedule.remindIf === "not_started" ? ("not_started" as const) : ("not_completed" as const),
  };
  const batches = async (kind: "reminder" | "closing_reminder", number: number, sentBefore: Date) => {
    let queued = 0;
    let afterId: string | null = null;
    for (;;) {
      const b = await queueReminderBatch(db, wave, { kind, number, sentBefore, now, limit: batchSize, afterId });
      queued += b.queued;
      if (b.lastId === null) return queued;
      afterId = b.lastId;
    }
  };
  for (const r of due.regular) stats.reminders += await batches("reminder", r.number, r.sentBefore);
  if (due.closing) stats.closingReminders += await batches("closing_reminder", 0, due.closing.sentBefore);
}

/**
 * Brings every wave (or one, with opts.waveId) up to date at `now`: opens and closes on schedule,
 * invites the target panel of open panel waves (invitation emails due at schedule.invitationAt),
 * queues due reminders and the closing reminder. Idempotent and safe to repeat at any time.
 */
export async function reconcileWaves(db: Db, now: Date, opts: ReconcileOptions): Promise<ReconcileStats> {
  const stats: ReconcileStats = { opened: 0, closed: 0, invited: 0, reminders: 0, closingReminders: 0, cancelled: 0 };
  await transitionWaves(db, now, stats);
  for (const w of await findOpenPanelWaves(db, now)) {
    if (opts.waveId && w.id !== opts.waveId) continue;
    stats.invited += await inviteTargets(db, w, now, opts);
    await markInvitationsSent(db, { waveId: w.id });
    await queueReminders(db, w, now, opts.batchSize ?? 1000, stats);
  }
  return stats;
}
