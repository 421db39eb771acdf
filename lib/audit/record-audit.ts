// Writes one audit-log entry. Callers record before they hand out data, so an interrupted
// download is still on record.
import type { Db } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import type { StaffUser } from "../auth/current-user";

export type AuditAction =
  | "export.recruitment_list"
  | "export.responses"
  | "export.responses_identified"
  | "export.codebook"
  | "recruitment.interview_request"
  | "panel.import"
  | "panel.import_check";

export type AuditEntry = {
  studyId: string | null;
  action: AuditAction;
  /** What was exported, e.g. "wide.csv". */
  target: string | null;
  /** The filter or options, as given. */
  filter: Record<string, unknown>;
  rowCount: number | null;
  /** What came of it, e.g. an import's counts; never personal data. */
  outcome?: Record<string, unknown>;
};

/** Records who did what, when, with which filter and how many rows. Returns the entry id. */
export function recordAudit(db: Db, user: StaffUser, e: AuditEntry, now: Date): Promise<number> {
  return insertAudit(db, {
    userId: user.id,
    studyId: e.studyId,
    action: e.action,
    target: e.target,
    rowCount: e.rowCount,
    details: { filter: e.filter, role: user.role, ...(e.outcome ? { outcome: e.outcome } : {}) },
    at: now,
  });
}
