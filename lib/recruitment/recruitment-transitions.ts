// The recruitment state machine (docs/recruitment.md). Pure.
import type { RecruitmentStatus } from "../../db/schema";

export const RECRUITMENT_STATUSES = ["flagged", "invited", "agreed", "interviewed", "declined", "no_answer"] as const satisfies readonly RecruitmentStatus[];

/**
 * Steps a researcher may record by hand. `invited` is reached only by sending the interview
 * request (which queues the email), from `flagged` or, to ask again, from `no_answer`.
 * `interviewed` and `declined` are final.
 */
const MANUAL: Record<RecruitmentStatus, readonly RecruitmentStatus[]> = {
  flagged: ["declined"],
  invited: ["agreed", "declined", "no_answer"],
  agreed: ["interviewed", "declined", "no_answer"],
  no_answer: ["agreed", "declined"],
  interviewed: [],
  declined: [],
};

/** Statuses from which an interview request may be sent (moving the person to `invited`). */
export const REQUESTABLE: readonly RecruitmentStatus[] = ["flagged", "no_answer"];

export function manualSteps(from: RecruitmentStatus): readonly RecruitmentStatus[] {
  return MANUAL[from];
}

export function canMove(from: RecruitmentStatus, to: RecruitmentStatus): boolean {
  return MANUAL[from].includes(to);
}

export function canRequest(from: RecruitmentStatus): boolean {
  return REQUESTABLE.includes(from);
}

export const STATUS_LABELS: Record<RecruitmentStatus, string> = {
  flagged: "Flagged",
  invited: "Invited",
  agreed: "Agreed",
  interviewed: "Interviewed",
  declined: "Declined",
  no_answer: "No answer",
};
