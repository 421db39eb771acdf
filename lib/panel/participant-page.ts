// One panel member for the staff person page and the API: their waves with status and dates,
// their consents with the wording versions, language, and for admins only the contact details.
import type { Db } from "../../db/client";
import { FOLLOW_UP_CONSENT } from "../../db/queries/consents";
import { findParticipantByCode, participantConsentHistory, participantWaves } from "../../db/queries/participants";
import { isAdmin, studyForUser, type StudyRow } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { decryptPersonal } from "../crypto/personal-data";
import { recordAudit } from "../audit/record-audit";
import { NotFound } from "../errors/app-error";

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

/** The person by code in a study the user may see; NotFound for an unknown or malformed code. */
export async function participantInStudy(db: Db, user: StaffUser, slug: string, code: string) {
  const study = await studyForUser(db, user, slug);
  const person = CODE.test(code) ? await findParticipantByCode(db, study.id, code) : null;
  if (!person) throw new NotFound("No participant with this code in the study");
  return { study, person };
}

export type PersonWave = Awaited<ReturnType<typeof participantWaves>>[number] & {
  /** The consent the wave's invitations need. */
  consentKind: string;
  /** The wave takes answers now: its personal link works and an invitation can be sent again. */
  open: boolean;
};

/** Whether a wave takes answers at `now`. */
export const waveIsOpen = (w: { waveStatus: string; waveClosesAt: Date | null }, now: Date) => w.waveStatus === "open" && (!w.waveClosesAt || w.waveClosesAt > now);

export async function getParticipant(db: Db, key: Buffer, user: StaffUser, slug: string, code: string, now: Date) {
  const { study, person } = await participantInStudy(db, user, slug, code);
  const [waves, consents] = await Promise.all([participantWaves(db, person.id), participantConsentHistory(db, person.id)]);
  const showEmail = isAdmin(user) && person.emailEncrypted !== null;
  // Reading an address is recorded, as every other read of contact details is.
  if (showEmail) await recordAudit(db, user, { studyId: study.id, action: "participant.contact_viewed", target: person.code, filter: {}, rowCount: 1 }, now);
  return {
    study: { slug: study.slug, name: study.name, settings: study.settings as Record<string, unknown> },
    code: person.code,
    createdAt: person.createdAt,
    withdrawnAt: person.withdrawnAt,
    language: person.language,
    hasContact: person.emailEncrypted !== null,
    bouncedAt: person.bouncedAt,
    /** Admins only (each reading audited): the address, decrypted here and nowhere else for this page. */
    email: showEmail ? decryptPersonal(key, person.emailEncrypted!) : null,
    waves: waves.map((w): PersonWave => ({ ...w, consentKind: w.targetRule?.consent ?? FOLLOW_UP_CONSENT, open: waveIsOpen(w, now) })),
    consents,
  };
}

export type ParticipantView = Awaited<ReturnType<typeof getParticipant>>;
export type { StudyRow };
