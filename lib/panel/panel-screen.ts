// The staff panel list: one page of participants with the filter's choices (waves, consent kinds).
import type { Db } from "../../db/client";
import { FOLLOW_UP_CONSENT, INTERVIEW_CONSENT } from "../../db/queries/consents";
import { studyWaveNames } from "../../db/queries/participants";
import { isAdmin, studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { listParticipants, type ParticipantQuery } from "./list-participants";

/** A page of the panel list on screen. */
export const SCREEN_PAGE = 50;

/** The consent kinds a study records: the two built in and any its settings name. */
export function studyConsentKinds(settings: unknown): string[] {
  const named = Object.values((settings as { consentKinds?: Record<string, string> } | null)?.consentKinds ?? {});
  return [...new Set([FOLLOW_UP_CONSENT, INTERVIEW_CONSENT, ...named.filter((k) => typeof k === "string")])];
}

export async function panelScreen(db: Db, user: StaffUser, slug: string, query: ParticipantQuery) {
  const study = await studyForUser(db, user, slug);
  const [waves, page] = await Promise.all([studyWaveNames(db, study.id), listParticipants(db, user, slug, { ...query, limit: SCREEN_PAGE })]);
  return { study: { slug: study.slug, name: study.name }, admin: isAdmin(user), waves, consentKinds: studyConsentKinds(study.settings), ...page };
}
