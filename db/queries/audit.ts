// The audit log: who exported or viewed what, when, with which filter and how many rows.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { toDate, toNumber, toObject, ts } from "./raw";

export type AuditInsert = {
  userId: string | null;
  studyId: string | null;
  action: string;
  target: string | null;
  rowCount: number | null;
  details: Record<string, unknown>;
  at: Date;
};

export async function insertAudit(db: Db, e: AuditInsert): Promise<number> {
  const [r] = await executeRows<{ id: unknown }>(
    db,
    sql`insert into audit_log (at, user_id, study_id, action, target, row_count, details)
        values (${ts(e.at)}, ${e.userId}, ${e.studyId}, ${e.action}, ${e.target}, ${e.rowCount}, ${JSON.stringify(e.details)}::jsonb)
        returning id`,
  );
  return toNumber(r.id);
}

export type AuditRow = {
  id: number;
  at: Date;
  userId: string | null;
  userEmail: string | null;
  studySlug: string | null;
  action: string;
  target: string | null;
  rowCount: number | null;
  details: Record<string, unknown>;
};

/** Newest first, keyset-paged by id; optionally one study or one action. */
export async function listAudit(
  db: Db,
  o: { beforeId: number | null; limit: number; studyId?: string | null; action?: string | null },
): Promise<AuditRow[]> {
  const rows = await executeRows(
    db,
    sql`select a.id, a.at, a.user_id, u.email as user_email, s.slug as study_slug, a.action, a.target, a.row_count, a.details
        from audit_log a
        left join users u on u.id = a.user_id
        left join studies s on s.id = a.study_id
        where true
          ${o.beforeId ? sql`and a.id < ${o.beforeId}` : sql``}
          ${o.studyId ? sql`and a.study_id = ${o.studyId}` : sql``}
          ${o.action ? sql`and a.action = ${o.action}` : sql``}
        order by a.id desc limit ${o.limit}`,
  );
  return rows.map((r) => ({
    id: toNumber(r.id),
    at: toDate(r.at)!,
    userId: (r.user_id as string) ?? null,
    userEmail: (r.user_email as string) ?? null,
    studySlug: (r.study_slug as string) ?? null,
    action: r.action as string,
    target: (r.target as string) ?? null,
    rowCount: r.row_count === null || r.row_count === undefined ? null : toNumber(r.row_count),
    details: toObject(r.details),
  }));
}
