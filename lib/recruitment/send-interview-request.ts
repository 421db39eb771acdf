// "Send interview request": queue the email through the outbox and move the person to invited.
import type { Db } from "../../db/client";
import { INTERVIEW_CONSENT } from "../../db/queries/consents";
import { findBoardEntry, moveBoardEntry, type BoardEntry } from "../../db/queries/recruitment";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { Conflict, NotFound } from "../errors/app-error";
import { queueInterviewRequest } from "../mail/queue-mail";
import { canRequest, STATUS_LABELS } from "./recruitment-transitions";

/** How long the interview takes, as the email says it. */
export const DEFAULT_MINUTES = "40–60";

/** Why no request can go to this person now, or null when it can. */
export function requestRefusal(entry: BoardEntry): string | null {
  if (!canRequest(entry.status)) return `${entry.code} is ${STATUS_LABELS[entry.status].toLowerCase()}; a request is sent only to flagged people or, again, after no answer`;
  if (!entry.hasContact) return `${entry.code} has no contact details`;
  if (!entry.consentGranted) return `${entry.code} has not (or no longer) consented to interview contact`;
  return null;
}

/**
 * Queues the interview-request email (template interview-request, in the participant's contact
 * language) and moves the entry to `invited`, in one transaction. Allowed from `flagged`, and
 * from `no_answer` to ask again (each request has its own number, so its own idempotency key).
 * Refused for people without contact details or whose latest interview-contact consent is not
 * granted; withdrawn people are not on the board. The sender checks consent again at send time.
 * The screens show the email first (previewInterviewRequest) and call this on confirmation.
 */
export async function sendInterviewRequest(
  db: Db,
  user: StaffUser,
  slug: string,
  r: { id: string; link?: string | null; minutes?: string },
  now: Date,
): Promise<{ queued: boolean; number: number; status: "invited" }> {
  const study = await studyForUser(db, user, slug);
  const entry = await findBoardEntry(db, study.id, r.id, INTERVIEW_CONSENT);
  if (!entry) throw new NotFound("Not on the recruitment board");
  const why = requestRefusal(entry);
  if (why) throw new Conflict(why);
  const number = entry.requests;
  return transaction(db, async (tx) => {
    const moved = await moveBoardEntry(tx, { studyId: study.id, id: entry.id, from: entry.status, to: "invited", at: now, now });
    if (!moved) throw new Conflict("Someone else changed this entry first; reload and try again");
    const queued = await queueInterviewRequest(tx, { participantId: entry.participantId, number, link: r.link ?? null, minutes: r.minutes ?? DEFAULT_MINUTES }, now);
    await recordAudit(tx, user, { studyId: study.id, action: "recruitment.interview_request", target: entry.code, filter: { number, from: entry.status, to: "invited" }, rowCount: 1 }, now);
    return { queued, number, status: "invited" as const };
  });
}
