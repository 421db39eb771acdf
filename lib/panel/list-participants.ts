import { z } from "zod";
import type { Db } from "../../db/client";
import { participantStatusPage } from "../../db/queries/participants";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { parseInput } from "../errors/zod-issues";

export const participantQuerySchema = z.object({
  /** The last code of the previous page. */
  after: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "A participant code").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type ParticipantQuery = z.input<typeof participantQuerySchema>;

/**
 * The panel, pseudonymously: code, withdrawn or not, whether contact details exist (never the
 * details), the latest consent of each kind, and per wave (by slug) the invitation and response
 * status. Paged by code. Researchers of the study and admins.
 */
export async function listParticipants(db: Db, user: StaffUser, slug: string, query: ParticipantQuery) {
  const q = parseInput(participantQuerySchema, query);
  const study = await studyForUser(db, user, slug);
  const rows = await participantStatusPage(db, study.id, { after: q.after ?? null, limit: q.limit });
  return {
    participants: rows.map(({ id: _id, withdrawnAt, ...p }) => ({ ...p, withdrawn: withdrawnAt !== null, withdrawnAt })),
    next: rows.length === q.limit ? rows[rows.length - 1].code : null,
  };
}
