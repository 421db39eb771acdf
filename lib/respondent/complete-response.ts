import type { Db } from "../../db/client";
import { adoptContactAddresses } from "../../db/queries/contact-points";
import { transaction } from "../../db/transaction";
import { findContactByHash, upsertContact } from "../../db/queries/participants";
import { insertConsents } from "../../db/queries/consents";
import { savePage, type StoredResponse } from "../../db/queries/responses";
import type { InvitationContext } from "../../db/queries/invitations";
import type { Trajectory } from "../../db/schema";
import type { Config } from "../config/load-config";
import { emailHash, encryptPersonal, normaliseEmail } from "../crypto/personal-data";
import { studyTimeZone } from "../i18n/study-time-zone";
import { queueThankYou } from "../mail/queue-mail";
import { requestLinkConfirmation } from "../panel/request-link-confirmation";
import { consentKind } from "../panel/consent-kind";
import { classifyStatus } from "../recruitment/classify-status";
import { flagOnCompletion } from "../recruitment/flag-on-completion";
import type { Answers } from "../surveys/answers";
import { consentRecords } from "../surveys/consent";
import type { SurveyDefinition } from "../surveys/definition";
import { evaluateFlow } from "../surveys/flow";
import { getPlan } from "../surveys/plan";
import { contactVariables } from "./strip-contact-answers";

export type Completion = {
  ctx: InvitationContext;
  def: SurveyDefinition;
  response: StoredResponse;
  /** All answers, contact data included. */
  answers: Answers;
  /** The answers as stored (contact data removed). */
  stored: Answers;
  lang: string;
  submitKey: string;
  now: Date;
};

/**
 * Completes a response in one transaction: saves the last page (if the revision still
 * matches), classifies the trajectory, records each consent with the wording and language
 * shown, and stores the email apart from the answers, encrypted (the pending copy is cleared).
 * An open-link response whose email a panel member already has is never merged into them: it
 * stays its own participant with that email as an unverified contact, and the member is asked
 * "Was this you?" (docs/decisions.md). Its consents are this participant's only. Returns false on
 * a revision conflict.
 */
export async function completeResponse(db: Db, config: Config, c: Completion): Promise<boolean> {
  const settings = (c.ctx.studySettings ?? {}) as { statusWhenAbsent?: Trajectory; consentKinds?: Record<string, string> };
  const trajectory = classifyStatus(
    c.stored,
    { statusVariable: c.ctx.statusVariable, statusMapping: c.ctx.statusMapping, statusWhenAbsent: settings.statusWhenAbsent },
    !!c.ctx.statusVariable && getPlan(c.def).byName.has(c.ctx.statusVariable),
  );
  return transaction(db, async (tx) => {
    // The last save and the invitation's "completed" in one statement.
    const saved = await savePage(tx, {
      id: c.response.id, expectedRevision: c.response.revision, invitationId: c.ctx.invitationId, progress: "completed",
      answers: c.stored as Record<string, unknown>, currentPage: null, language: c.lang, submitKey: c.submitKey,
      completed: true, trajectory, pendingContact: null, now: c.now,
    });
    if (!saved) return false;
    const participantId = c.ctx.participantId;
    const email = contactVariables(c.def).map((n) => c.answers[n]).find((v): v is string => typeof v === "string" && v.trim() !== "");
    let emailKept = false;
    if (email) {
      const hash = emailHash(config.personalDataKey, email);
      const existing = await findContactByHash(tx, c.ctx.studyId, hash);
      if (existing && existing.participantId !== participantId) {
        // An unauthenticated (open-link) response: ask the address's owner; nothing of theirs changes.
        if (c.ctx.waveMode === "open_link") {
          await requestLinkConfirmation(tx, {
            key: config.personalDataKey, studyId: c.ctx.studyId, waveId: c.ctx.waveId, participantId,
            existingParticipantId: existing.participantId, email, emailHash: hash, language: c.lang, now: c.now,
          });
        }
        // In a panel wave the address belongs to someone else: keep it theirs.
      } else {
        await upsertContact(tx, {
          participantId, studyId: c.ctx.studyId, emailEncrypted: encryptPersonal(config.personalDataKey, normaliseEmail(email)),
          emailHash: hash, language: c.lang, now: c.now,
        });
        // The address typed in the person's own survey is their confirmed main contact point.
        await adoptContactAddresses(tx, [participantId], { source: "survey", now: c.now, replacePrimary: true });
        emailKept = true;
      }
    }
    const state = evaluateFlow(c.def, c.answers, c.ctx.preload as Answers, c.now, { timeZone: studyTimeZone(c.ctx.studySettings) });
    await insertConsents(
      tx,
      consentRecords(c.def, state, c.lang).map((r) => ({
        participantId, studyId: c.ctx.studyId, kind: consentKind(r.name, settings), granted: r.answer === "yes",
        wordingVersion: r.wordingVersion, wordingText: `${r.label}\n${r.wording}`, language: r.language,
        waveId: c.ctx.waveId, method: "survey", recordedAt: c.now,
      })),
    );
    // Lookups that cannot apply are skipped: the rules when the study has no active one, the
    // thank-you when the person has no address (none when the link was read, none given here).
    if (c.ctx.hasActiveRules) await flagOnCompletion(tx, { studyId: c.ctx.studyId, waveId: c.ctx.waveId, participantId, now: c.now });
    // A panel wave thanks those who may be emailed (the outbox checks consent and contact).
    if (c.ctx.waveMode === "panel" && (c.ctx.hasContact || emailKept)) await queueThankYou(tx, { participantId, waveId: c.ctx.waveId }, c.now);
    return true;
  });
}
