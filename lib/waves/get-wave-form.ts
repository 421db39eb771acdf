import type { Db } from "../../db/client";
import { listInstrumentVersions } from "../../db/queries/instruments";
import { findWave, listWaves } from "../../db/queries/waves";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";
import { NotFound } from "../errors/app-error";
import { studyTimeZone } from "../i18n/study-time-zone";
import { studyConsentKinds } from "./check-targeting";

/**
 * What the new-wave and edit-wave forms offer: the study's time zone (times are entered in it),
 * questionnaire versions, the other waves, the consent kinds to choose from, and the wave being
 * edited. Read-only.
 */
export async function getWaveForm(db: Db, user: StaffUser, studySlug: string, waveSlug?: string) {
  const study = await studyForUser(db, user, studySlug);
  const [waves, versions, consentKinds, wave] = await Promise.all([
    listWaves(db, study.id),
    listInstrumentVersions(db, study.id),
    studyConsentKinds(db, study),
    waveSlug ? findWave(db, study.id, { slug: waveSlug }) : Promise.resolve(null),
  ]);
  if (waveSlug && !wave) throw new NotFound("Wave not found");
  return { study, timeZone: studyTimeZone(study.settings), waves: waves.filter((w) => w.id !== wave?.id), versions, consentKinds, wave };
}

/** The time zone of a study the user may see: the zone the wave forms' times are in. */
export async function studyTimeZoneForUser(db: Db, user: StaffUser, studySlug: string): Promise<string> {
  return studyTimeZone((await studyForUser(db, user, studySlug)).settings);
}
