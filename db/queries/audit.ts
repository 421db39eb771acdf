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
  studyName: string | null;
  action: string;
  target: string | null;
  rowCount: number | null;
  details: Record<string, unknown>;
};

export type AuditFilter = {
  beforeId: number | null;
  limit: number;
  studyId?: string | null;
  action?: string | null;
  userId?: string | null;
  /** Entries at or after `from` and before `to`. */
  from?: Date | null;
  to?: Date | null;
};

/**
 * Newest first, keyset-paged by id; optionally one study, action or user and a time range. Each
 * filter has its index (db/schema/audit.ts).
 */
export async function listAudit(db: Db, o: AuditFilter): Promise<AuditRow[]> {
  const rows = await executeRows(
    db,
    sql`select a.id, a.at, a.user_id, u.email as user_email, s.slug as study_slug, s.name as study_name, a.action, a.target, a.row_count, a.details
        from audit_log a
        left join users u on u.id = a.user_id
        left join studies s on s.id = a.study_id
        where true
          ${o.beforeId ? sql`and a.id < ${o.beforeId}` : sql``}
          ${o.studyId ? sql`and a.study_id = ${o.studyId}` : sql``}
          ${o.action ? sql`and a.action = ${o.action}` : sql``}
          ${o.userId ? sql`and a.user_id = ${o.userId}` : sql``}
          ${o.from ? sql`and a.at >= ${ts(o.from)}` : sql``}
          ${o.to ? sql`and a.at < ${ts(o.to)}` : sql``}
        order by a.id desc limit ${o.limit}`,
  );
  return rows.map((r) => ({
    id: toNumber(r.id),
    at: toDate(r.at)!,
    userId: (r.user_id as string) ?? null,
    userEmail: (r.user_email as string) ?? null,
    studySlug: (r.study_slug as string) ?? null,
    studyName: (r.study_name as string) ?? null,
    action: r.action as string,
    target: (r.target as string) ?? null,
    rowCount: r.row_count === null || r.row_count === undefined ? null : toNumber(r.row_count),
    details: toObject(r.details),
  }));
}

/**
 * Every action recorded so far, alphabetically: a skip scan over the action index (one index
 * probe per distinct action, however long the log).
 */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await executeRows<{ action: string }>(
    db,
    sql`with recursive t(action) as (
          (select action from audit_log order by action limit 1)
          union all
          select (select a.action from audit_log a where a.action > t.action order by a.action limit 1) from t where t.action is not null
        )
        select action from t where action is not null`,
  );
  return rows.map((r) => r.action);
}
