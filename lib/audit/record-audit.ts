// Writes one audit-log entry. Callers record before they hand out data, so an interrupted
// download is still on record.
import type { Db } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import type { StaffUser } from "../auth/current-user";

export type AuditAction =
  | "export.recruitment_list"
  | "export.responses"
  | "export.responses_identified"
  | "recruitment.interview_request"
  | "recruitment.step"
  | "recruitment.note"
  | "panel.import"
  | "panel.import_check"
  | "participant.link_requested"
  | "participant.link_confirmed"
  | "participant.link_rejected"
  | "study.create"
  | "study.update"
  | "participant.link_shown"
  | "participant.invitation_resent"
  | "participant.withdrawn"
  | "participant.contact_viewed"
  | "participant.erasure_requested"
  // Data protection (lib/privacy): an erasure (its kind only), an access export, a retention run.
  | "participant.erased"
  | "participant.data_exported"
  | "retention.erased"
  // Done by the person through their own links (My details, confirmation, Lost your link?).
  | "participant.details_changed"
  | "participant.contact_confirmed"
  | "participant.links_requested"
  | "wave.create"
  | "wave.update"
  | "wave.schedule"
  | "wave.open"
  | "wave.close"
  | "wave.reopen"
  | "wave.delete"
  // Users, their access and their credentials (lib/auth), tokens, questionnaires, recruitment rules.
  | "user.invited"
  | "user.invitation_resent"
  | "user.invitation_accepted"
  | "user.password_reset"
  | "user.role_changed"
  | "user.deactivated"
  | "user.reactivated"
  | "study.member_added"
  | "study.member_removed"
  | "api_token.created"
  | "api_token.revoked"
  | "instrument.version_uploaded"
  | "recruitment.rule_saved"
  // Interviews (lib/recruitment/interview-*): slots, bookings from the /b link, outcomes, exports.
  | "interview.slot_created"
  | "interview.slot_withdrawn"
  | "interview.booked"
  | "interview.moved"
  | "interview.cancelled"
  | "interview.held"
  | "interview.no_show"
  | "export.interviewees"
  // Consents (lib/panel/send-reconsent.ts).
  | "consent.reconsent_sent"
  // Keep-in-touch mailings (lib/panel/keep-in-touch.ts).
  | "keep_in_touch.created"
  | "keep_in_touch.sent";

/**
 * Who acted: a signed-in staff user, or a respondent acting through a link they hold (no user id;
 * the entry's details say which link, never the address).
 */
export type AuditActor = StaffUser | { kind: "respondent" } | { kind: "system" };

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
export function recordAudit(db: Db, actor: AuditActor, e: AuditEntry, now: Date): Promise<number> {
  const staff = "id" in actor;
  return insertAudit(db, {
    userId: staff ? actor.id : null,
    studyId: e.studyId,
    action: e.action,
    target: e.target,
    rowCount: e.rowCount,
    details: { filter: e.filter, role: staff ? actor.role : actor.kind, ...(e.outcome ? { outcome: e.outcome } : {}) },
    at: now,
  });
}
