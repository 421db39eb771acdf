// Keeps the `contacts` row (the one address mail goes to) in step with the contact points.
import type { Db } from "../../db/client";
import { findContactOwner, pickWorkingAddress, setCurrentAddress } from "../../db/queries/contact-points";

export type CurrentAddress = {
  /** Whether the person has a working address now (a confirmed primary or secondary email). */
  working: boolean;
  /** The hash of the address mail goes to now, if any. */
  emailHash: string | null;
  /** Whether the contacts row changed (another address, or marked bounced). */
  changed: boolean;
};

/**
 * Points the participant's contacts row at their current working address: the confirmed primary
 * email, else a confirmed secondary; with none, the row is marked bounced so nothing more is
 * sent. The only writer of contacts' address besides an import or a survey that gives one.
 * Idempotent; call it inside the transaction that changed a point.
 */
export async function refreshCurrentAddress(db: Db, participantId: string, now: Date): Promise<CurrentAddress> {
  const owner = await findContactOwner(db, participantId);
  if (!owner) return { working: false, emailHash: null, changed: false };
  const pick = await pickWorkingAddress(db, participantId);
  if (!pick && owner.contactHash === null) return { working: false, emailHash: null, changed: false };
  const language = owner.contactLanguage ?? owner.defaultLanguage;
  const changed = await setCurrentAddress(db, { participantId, studyId: owner.studyId, language, now }, pick);
  return { working: pick !== null, emailHash: pick?.valueHash ?? null, changed };
}
