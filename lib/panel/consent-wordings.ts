// The consent wordings of a study as people saw them: every version per kind with its counts,
// and any one of them in full (the staff consents screen, docs/consent-records.md).
import type { Db } from "../../db/client";
import { listRecordedConsentKinds } from "../../db/queries/consents";
import { findWording, listReconsentRequests, listWordingVersions } from "../../db/queries/reconsent";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { NotFound } from "../errors/app-error";

/** Versions per kind (newest first) with how many agreed and declined, and the re-consent requests sent. For the study's researchers and admins. */
export async function listConsentWordings(db: Db, user: StaffUser, slug: string) {
  const study = await studyForUser(db, user, slug);
  const [versions, kinds, requests] = await Promise.all([listWordingVersions(db, study.id), listRecordedConsentKinds(db, study.id), listReconsentRequests(db, study.id)]);
  return {
    study: { slug: study.slug, name: study.name, languages: study.languages, defaultLanguage: study.defaultLanguage },
    kinds: kinds.map((kind) => ({ kind, versions: versions.filter((v) => v.kind === kind) })),
    requests,
  };
}

const HASH = /^[0-9a-f]{64}$/;

/** One past wording exactly as shown; NotFound for an unknown kind or hash. */
export async function getConsentWording(db: Db, user: StaffUser, slug: string, kind: string, hash: string) {
  const study = await studyForUser(db, user, slug);
  const row = HASH.test(hash) ? await findWording(db, study.id, kind, hash) : null;
  if (!row) throw new NotFound("No such consent wording in this study");
  return { study: { slug: study.slug, name: study.name }, wording: row };
}
