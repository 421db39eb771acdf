// Re-consent: a new version of a consent's wording, sent through the outbox to everyone whose
// latest consent of that kind agreed to an older version. Their answer on /c/<token> is recorded
// like any other consent (lib/respondent/reconsent-page.ts).
import { z } from "zod";
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { listRecordedConsentKinds } from "../../db/queries/consents";
import { insertReconsentRecipients, insertReconsentRequest, reconsentCandidates, setReconsentRecipientCount } from "../../db/queries/reconsent";
import { recordAudit } from "../audit/record-audit";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { hashToken, reconsentToken } from "../crypto/tokens";
import { InvalidInput } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { queueParticipantMail } from "../mail/queue-mail";
import { noControlCharacters } from "../text/control-characters";

export const reconsentInputSchema = z.object({
  kind: z.string().regex(/^[a-z0-9_]{1,64}$/, "Choose a consent kind"),
  wordingVersion: z.string().trim().min(1, "Name the new version, e.g. v2-2024").max(64, "At most 64 characters").superRefine(noControlCharacters("The version")),
  /** The wording per language; the study's default language is required. */
  wording: z.record(z.string(), z.string().trim().max(5000, "At most 5,000 characters")),
});
export type ReconsentInput = z.input<typeof reconsentInputSchema>;

/**
 * Sends `wordingVersion` of consent `kind` to every participant whose latest consent of the kind
 * is granted under another version, who has not withdrawn and has a contact: one recipient row
 * (its token derived from the row id, only the hash stored) and one outbox message each, in one
 * transaction. Idempotent: a version is sent once per kind (unique request), each message under
 * `reconsent:<request>:<participant>`; at send time the outbox checks again that the person has
 * not withdrawn and the consent is still granted. Researchers of the study and admins. Audited.
 */
export async function sendReconsent(db: Db, key: Buffer, user: StaffUser, slug: string, input: ReconsentInput, now: Date) {
  const q = parseInput(reconsentInputSchema, input);
  const study = await studyForUser(db, user, slug);
  const kinds = await listRecordedConsentKinds(db, study.id);
  if (!kinds.includes(q.kind)) throw new InvalidInput("Unknown consent kind", [{ path: "kind", message: `No consent of kind ${q.kind} was recorded in this study` }]);
  const wording = Object.fromEntries(Object.entries(q.wording).filter(([l, t]) => study.languages.includes(l) && t.length > 0));
  if (!wording[study.defaultLanguage]) {
    throw new InvalidInput("The wording is missing", [{ path: `wording.${study.defaultLanguage}`, message: "Write the new wording in the study's default language" }]);
  }
  return transaction(db, async (tx) => {
    const requestId = await insertReconsentRequest(tx, { studyId: study.id, kind: q.kind, wordingVersion: q.wordingVersion, wording, createdBy: user.id, createdAt: now });
    if (!requestId) throw new InvalidInput("This version was sent already", [{ path: "wordingVersion", message: `Version ${q.wordingVersion} of ${q.kind} was sent before; name the new version differently` }]);
    const people = await reconsentCandidates(tx, study.id, q.kind, q.wordingVersion);
    const rows = people.map((participantId) => ({ id: crypto.randomUUID(), requestId, participantId, studyId: study.id, createdAt: now }));
    await insertReconsentRecipients(tx, rows.map((r) => ({ ...r, tokenHash: hashToken(reconsentToken(key, r.id)) })));
    let queued = 0;
    for (const r of rows) {
      const ok = await queueParticipantMail(tx, {
        participantId: r.participantId, kind: "reconsent_request", template: "reconsent-request", consentKind: q.kind,
        data: { recipientId: r.id }, idempotencyKey: `reconsent:${requestId}:${r.participantId}`,
      }, now);
      if (ok) queued++;
    }
    await setReconsentRecipientCount(tx, requestId, rows.length);
    await recordAudit(tx, user, { studyId: study.id, action: "consent.reconsent_sent", target: `${q.kind}@${q.wordingVersion}`, filter: { kind: q.kind, wordingVersion: q.wordingVersion, languages: Object.keys(wording) }, rowCount: rows.length }, now);
    return { requestId, recipients: rows.length, queued };
  });
}
