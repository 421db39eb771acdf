import type { Db } from "../../db/client";
import { countOutboxByStatus } from "../../db/queries/outbox";
import { countTargetPanel, findWave, waveFieldwork } from "../../db/queries/waves";
import type { StaffUser } from "../auth/current-user";
import { studyTimeZone } from "../i18n/study-time-zone";
import { loadWaveForUser } from "./manage-wave";

/**
 * One wave's fieldwork: the panel its rule reaches now, invited, delivered, bounced, opted out,
 * started and completed, in total and by day, and the state of its mail; the name of the earlier
 * wave its rule asks for. Read-only.
 */
export async function getWaveDashboard(db: Db, user: StaffUser, studySlug: string, waveSlug: string) {
  const { study, wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  const timeZone = studyTimeZone(study.settings);
  const earlierId = wave.targetRule?.completedWaveId;
  const [targets, fieldwork, mail, earlier] = await Promise.all([
    wave.mode === "panel" ? countTargetPanel(db, study.id, wave.targetRule ?? {}) : Promise.resolve(null),
    waveFieldwork(db, study.id, wave.id, timeZone),
    countOutboxByStatus(db, { waveId: wave.id }),
    earlierId ? findWave(db, study.id, { id: earlierId }) : Promise.resolve(null),
  ]);
  return { study, wave, targets, fieldwork, mail, timeZone, completedWave: earlier?.name ?? null };
}
