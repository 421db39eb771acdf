// What a bounce changes: the contact point's state, and where mail goes next.
import type { Db } from "../../db/client";
import { adoptContactAddresses, insertContactHistory, listContactPoints, updateContactPoint } from "../../db/queries/contact-points";
import { transaction } from "../../db/transaction";
import { refreshCurrentAddress } from "./refresh-current-address";

/** Soft bounces (mailbox full, greylisted past retries…) in a row before the address counts as bounced. */
export const SOFT_BOUNCE_THRESHOLD = 3;

export type BounceResult = {
  /** False when the participant has no email point with this hash (nothing changed). */
  recorded: boolean;
  /** The point's state after the bounce. */
  state: "confirmed" | "unconfirmed" | "bounced" | "removed" | null;
  /** Whether the person still has a working address (a confirmed secondary took over, or another one was current). */
  working: boolean;
  /** The hash of the address mail goes to now (null: none). */
  currentHash: string | null;
};

/**
 * Records a bounce of `emailHash` for a participant. A hard bounce marks the point bounced at
 * once; a soft one counts, and marks it bounced at the `softThreshold`-th (default 3). A bounced
 * point gets no more mail: when it was the address in use, mail falls back to a confirmed
 * secondary, and with none the contacts row is marked bounced. Idempotent for a point already
 * bounced. Called by the sender on a synchronous SMTP refusal and by the DSN parser.
 */
export async function markAddressBounced(
  db: Db,
  b: { participantId: string; emailHash: string; hard: boolean; at: Date },
  o: { softThreshold?: number } = {},
): Promise<BounceResult> {
  const threshold = o.softThreshold ?? SOFT_BOUNCE_THRESHOLD;
  return transaction(db, async (tx) => {
    // A contacts row written before contact points (or by a fixture) becomes a point first.
    await adoptContactAddresses(tx, [b.participantId], { source: "import", now: b.at, replacePrimary: false });
    const point = (await listContactPoints(tx, b.participantId)).find((p) => p.kind === "email" && p.valueHash === b.emailHash);
    if (!point) {
      const cur = await refreshCurrentAddress(tx, b.participantId, b.at);
      return { recorded: false, state: null, working: cur.working, currentHash: cur.emailHash };
    }
    let state = point.state;
    if (state !== "bounced" && state !== "removed") {
      const count = point.softBounceCount + (b.hard ? 0 : 1);
      const bounced = b.hard || count >= threshold;
      state = bounced ? "bounced" : state;
      await updateContactPoint(tx, point.id, { softBounceCount: count, ...(bounced ? { state: "bounced", bouncedAt: b.at } : {}), updatedAt: b.at });
      await insertContactHistory(tx, [{
        participantId: b.participantId, studyId: point.studyId, contactPointId: point.id,
        change: bounced ? "bounced" : "soft_bounce", detail: `${point.role} ${b.hard ? "hard" : `soft ${count}/${threshold}`}`, at: b.at,
      }]);
    }
    const cur = await refreshCurrentAddress(tx, b.participantId, b.at);
    return { recorded: true, state, working: cur.working, currentHash: cur.emailHash };
  });
}
