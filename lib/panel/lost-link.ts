// Lost your link?: sends a person's current personal links to them, found by an email or phone
// number they typed. Runs after the page has answered (the page never says whether the address
// is known), so how long it takes tells nothing either.
import type { Db } from "../../db/client";
import { findReachableByHash } from "../../db/queries/contact-points";
import { findParticipantMailInfo, participantCodes, participantWaves } from "../../db/queries/participants";
import { recordAudit } from "../audit/record-audit";
import { contactValueHash } from "../contact-points/contact-values";
import { queueContactPointMail, queueParticipantMail } from "../mail/queue-mail";
import { waveIsOpen } from "./participant-page";

/**
 * Queues, for each participant this address or number belongs to (a confirmed contact point, or
 * the current address) who has not withdrawn and has an invitation to a wave open now, one email
 * with those waves' personal links: to the typed email address itself, or, for a phone number, to
 * the person's current address. At most one a participant and address every ten minutes (the
 * idempotency key). Audited as the respondent, without the address. Returns how many were queued.
 */
export async function sendLostLinks(db: Db, key: Buffer, address: { kind: "email" | "phone"; value: string }, now: Date): Promise<number> {
  const hash = contactValueHash(key, address.kind, address.value);
  const owners = (await findReachableByHash(db, hash, now)).filter((o) => o.kind === address.kind);
  let queued = 0;
  const slot = Math.floor(now.getTime() / 600_000);
  for (const o of owners) {
    const waves = (await participantWaves(db, o.participant_id)).filter((w) => waveIsOpen(w, now) && w.status !== "opted_out");
    const info = await findParticipantMailInfo(db, o.participant_id);
    if (waves.length === 0 || !info) continue;
    const data = { waves: waves.map((w) => ({ invitationId: w.invitationId, name: w.waveName })) };
    const idempotencyKey = `lost-links:${o.participant_id}:${hash.slice(0, 16)}:${slot}`;
    const ok = address.kind === "email" && o.contact_point_id
      ? await queueContactPointMail(db, {
          participantId: o.participant_id, studyId: info.studyId, contactPointId: o.contact_point_id, kind: "lost_links", template: "lost-links",
          language: info.language ?? info.defaultLanguage, data, idempotencyKey,
        }, now)
      : await queueParticipantMail(db, { participantId: o.participant_id, kind: "lost_links", template: "lost-links", consentKind: null, data, idempotencyKey }, now);
    const code = (await participantCodes(db, [o.participant_id])).get(o.participant_id) ?? null;
    await recordAudit(db, { kind: "respondent" }, {
      studyId: info.studyId, action: "participant.links_requested", target: code, filter: { via: "lost_link", kind: address.kind }, rowCount: 1,
      outcome: { queued: ok, waves: waves.length },
    }, now);
    if (ok) queued++;
  }
  return queued;
}
