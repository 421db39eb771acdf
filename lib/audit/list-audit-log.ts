// The audit log for admins: newest first, paged.
import { z } from "zod";
import type { Db } from "../../db/client";
import { listAudit, type AuditRow } from "../../db/queries/audit";
import { findStudyBySlug } from "../../db/queries/studies";
import type { StaffUser } from "../auth/current-user";
import { NotFound } from "../errors/app-error";
import { requireAdmin } from "../auth/permissions";
import { slugSchema } from "../http/slug";

export const auditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  study: slugSchema.optional(),
  action: z.string().regex(/^[a-z_.]{1,64}$/).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const AUDIT_PAGE = 100;

/**
 * Admins only (Forbidden otherwise); a study filter naming no study is NotFound. `nextBefore`
 * pages on when there may be more.
 */
export async function listAuditLog(db: Db, user: StaffUser, q: AuditQuery): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  requireAdmin(user, "the audit log");
  let studyId: string | null = null;
  if (q.study) {
    const s = await findStudyBySlug(db, q.study);
    if (!s) throw new NotFound(`No study "${q.study}"`);
    studyId = s.id;
  }
  const rows = await listAudit(db, { beforeId: q.before ?? null, limit: AUDIT_PAGE, studyId, action: q.action ?? null });
  return { rows, nextBefore: rows.length === AUDIT_PAGE ? rows[rows.length - 1].id : null };
}
