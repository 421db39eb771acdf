// Consents are a history: each grant or withdrawal is a row, and the latest row of a kind
// decides. This file holds that rule once; every query that asks "is consent K granted?" uses it.
import { sql, type SQL } from "drizzle-orm";

/** The consent a panel wave's target rule asks for unless it names another: follow-up surveys. */
export const FOLLOW_UP_CONSENT = "follow_up_surveys";
/** The consent to be contacted for an interview (the recruitment board, interview requests). */
export const INTERVIEW_CONSENT = "interview_contact";

/**
 * The latest consent of `kind` for `participantId`, as an SQL boolean: true when granted, false
 * when withdrawn, null when never recorded. Latest is the newest `recorded_at`; rows recorded at
 * the same instant are ordered by id, so every query answers the same. Both arguments are SQL
 * (a column such as sql`p.id`) or a value. Served by consents_participant_kind_idx.
 */
export function latestConsentGranted(participantId: SQL | string, kind: SQL | string): SQL {
  return sql`(select lc.granted from consents lc where lc.participant_id = ${participantId} and lc.kind = ${kind}
    order by lc.recorded_at desc, lc.id desc limit 1)`;
}
