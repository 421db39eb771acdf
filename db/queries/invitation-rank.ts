// An invitation only moves forward: pending < sent < opened < started < completed. The end states
// (bounced, opted_out) rank above all of them, so no progress ever overwrites one. One expression,
// used by the statements that move an invitation on (invitations.ts and the page save in
// responses.ts, which imports nothing from invitations.ts: that would be a cycle).
import { sql, type SQL } from "drizzle-orm";

/** The rank of an invitation status, as SQL: `status` a column or a `::text` placeholder. */
export function invitationRank(status: SQL): SQL {
  return sql`(case ${status} when 'pending' then 0 when 'sent' then 1 when 'opened' then 2 when 'started' then 3 when 'completed' then 4 else 9 end)`;
}
