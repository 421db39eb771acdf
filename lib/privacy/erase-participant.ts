// Erasure on request (GDPR art. 17), by an admin, for one participant: "contact" stops all contact
// and deletes contact data (answers stay, pseudonymous); "everything" deletes the person's rows in
// every table the registry lists. One transaction; the audit entry says that an erasure of which
// kind happened, never what was erased (docs/data-protection.md).
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { insertConsentWithdrawal, latestConsents } from "../../db/queries/consents";
import { optOutInvitations } from "../../db/queries/invitations";
import { outboxIdsOf, retireLinks } from "../../db/queries/privacy";
import { requireAdmin } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { recordAudit } from "../audit/record-audit";
import { hashToken } from "../crypto/tokens";
import { InvalidInput } from "../errors/app-error";
import { unsubscribeToken } from "../mail/unsubscribe-token";
import { participantInStudy } from "../panel/participant-page";
import { EMAIL_CONSENTS } from "../panel/withdraw-participant";
import { ERASURE_KINDS, participantTables, type ErasureKind, type Person } from "./personal-data";

export const ERASED = "participant.erased";

export type ErasureResult = { kind: ErasureKind; code: string; reference: string; auditId: number };

/** A reference that names no one: what the audit log shows in place of an erased person's code. */
export const newErasureRef = () => `erased-${randomBytes(5).toString("hex")}`;

/**
 * Erases one participant (by code) in one transaction: their links retired to erased_links, then
 * each registry table's rule for `kind`, then the audit entry. Admins only; `confirmCode` must
 * repeat the code. After "everything" the code is gone from the study (the audit log shows the
 * reference instead), so a second erasure finds nobody.
 */
export async function eraseParticipant(
  db: Db, key: Buffer, user: StaffUser, slug: string, code: string, kind: string, confirmCode: string, now: Date,
): Promise<ErasureResult> {
  requireAdmin(user, "erasing a participant's data");
  if (!ERASURE_KINDS.includes(kind as ErasureKind)) throw new InvalidInput("Choose what to erase", [{ path: "kind", message: "Choose what to erase" }]);
  const { study, person } = await participantInStudy(db, user, slug, code);
  if (confirmCode.trim() !== person.code) throw new InvalidInput("Type the participant's code to confirm", [{ path: "confirm", message: `Type ${person.code} to confirm the erasure` }]);
  const k = kind as ErasureKind;
  return transaction(db, async (tx) => {
    const p: Person = {
      participantId: person.id, studyId: study.id, code: person.code, outboxIds: await outboxIdsOf(tx, person.id),
      erasureRef: newErasureRef(), key, now,
    };
    if (k === "contact") {
      const latest = await latestConsents(tx, person.id, [...EMAIL_CONSENTS]);
      for (const c of EMAIL_CONSENTS) {
        if (latest[c] === true) await insertConsentWithdrawal(tx, { participantId: person.id, studyId: study.id, kind: c, method: "admin", waveId: null, language: null, now });
      }
      await optOutInvitations(tx, person.id);
    }
    await retireLinks(tx, person.id, [hashToken(unsubscribeToken(key, person.id))], now);
    for (const rule of participantTables()) await rule.erase![k].run(tx, p);
    const reference = k === "everything" ? p.erasureRef : person.code;
    const auditId = await recordAudit(tx, user, { studyId: study.id, action: ERASED, target: reference, filter: { kind: k }, rowCount: null }, now);
    return { kind: k, code: person.code, reference, auditId };
  });
}
