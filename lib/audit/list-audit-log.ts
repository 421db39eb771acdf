// The audit log for admins: newest first, paged, filtered by user, study, action and date range
// (days in UTC, both ends included).
import { z } from "zod";
import type { Db } from "../../db/client";
import { listAudit, listAuditActions, type AuditRow } from "../../db/queries/audit";
import { findStudyBySlug, listStudiesForUser } from "../../db/queries/studies";
import { listAllUsers } from "../../db/queries/users";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput, NotFound } from "../errors/app-error";
import { requireAdmin } from "../auth/permissions";
import { slugSchema } from "../http/slug";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Not a date");
/** An empty form field means "no filter". */
const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

export const auditQuerySchema = z.object({
  before: optional(z.coerce.number().int().positive()),
  study: optional(slugSchema),
  action: optional(z.string().regex(/^[a-z_.]{1,64}$/)),
  user: optional(z.string().regex(/^[A-Za-z0-9_-]{1,100}$/)),
  from: optional(day),
  to: optional(day),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const AUDIT_PAGE = 100;

const startOfDay = (d: string) => new Date(`${d}T00:00:00Z`);
const dayAfter = (d: string) => new Date(startOfDay(d).getTime() + 86_400_000);

/**
 * Admins only (Forbidden otherwise); a study filter naming no study is NotFound, a range that
 * ends before it starts InvalidInput. `nextBefore` pages on when there may be more.
 */
export async function listAuditLog(db: Db, user: StaffUser, q: AuditQuery): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  requireAdmin(user, "the audit log");
  let studyId: string | null = null;
  if (q.study) {
    const s = await findStudyBySlug(db, q.study);
    if (!s) throw new NotFound(`No study "${q.study}"`);
    studyId = s.id;
  }
  if (q.from && q.to && q.to < q.from) throw new InvalidInput("Check the dates", [{ path: "to", message: "The end date is before the start date" }]);
  const rows = await listAudit(db, {
    beforeId: q.before ?? null, limit: AUDIT_PAGE, studyId, action: q.action ?? null, userId: q.user ?? null,
    from: q.from ? startOfDay(q.from) : null, to: q.to ? dayAfter(q.to) : null,
  });
  return { rows, nextBefore: rows.length === AUDIT_PAGE ? rows[rows.length - 1].id : null };
}

/** What the filter form offers: every user, study and recorded action. Admins only. */
export async function auditFilterOptions(db: Db, user: StaffUser) {
  requireAdmin(user, "the audit log");
  const [users, studies, actions] = await Promise.all([listAllUsers(db), listStudiesForUser(db, user), listAuditActions(db)]);
  return {
    users: users.map((u) => ({ id: u.id, email: u.email })),
    studies: studies.map((s) => ({ slug: s.slug, name: s.name })),
    actions,
  };
}
