// Retention: each study may set an end date and how many months contact data and mailbox copies
// (and, if its approval says so, answers) are kept after it. A daily job (lib/jobs "retention")
// erases what has expired, study-wide, and records each erasure in the audit log. `now` is a
// parameter so tests run it at any clock.
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { eraseStudyAnswers, eraseStudyContactData, eraseStudyMailbox, studiesWithRetention } from "../../db/queries/privacy";
import { recordAudit } from "../audit/record-audit";
import { studyTimeZone, wallTimeToInstant } from "../i18n/study-time-zone";
import { retentionSchema, type RetentionSettings } from "../studies/study-schema";
import { PERSONAL_DATA } from "./personal-data";

export type RetentionGroup = "contact" | "mailbox" | "answers";

export const RETENTION_GROUPS: Record<RetentionGroup, { label: string; run: (db: Db, studyId: string) => Promise<number> }> = {
  contact: { label: "Contact data (addresses and phone numbers, where people live, unverified addresses, waiting email answers, recruitment notes)", run: eraseStudyContactData },
  mailbox: { label: "Local mailbox copies of sent email", run: eraseStudyMailbox },
  answers: { label: "Answers (responses and the prior-wave values in invitations)", run: eraseStudyAnswers },
};

export type ScheduledErasure = { group: RetentionGroup; label: string; tables: string[]; due: Date };

/** The study's retention settings, or null when it has none (or they do not parse). */
export function retentionOf(settings: unknown): RetentionSettings | null {
  const r = retentionSchema.safeParse((settings as Record<string, unknown> | null)?.retention);
  return r.success ? r.data : null;
}

/** YYYY-MM-DD plus whole months; a day past the new month's end becomes its last day. Pure. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * What will be erased when: each group is due at the start of the day after the date that is
 * `months` after the end date (midnight in the study's zone). Empty without settings. Pure.
 */
export function retentionSchedule(settings: unknown): ScheduledErasure[] {
  const r = retentionOf(settings);
  if (!r) return [];
  const tz = studyTimeZone(settings);
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const dueAt = (months: number) => wallTimeToInstant(`${nextDay(addMonths(r.endDate, months))}T00:00`, tz)!;
  const tablesOf = (g: RetentionGroup) => PERSONAL_DATA.filter((t) => t.retention === g).map((t) => t.table);
  const out: ScheduledErasure[] = [
    { group: "contact", label: RETENTION_GROUPS.contact.label, tables: tablesOf("contact"), due: dueAt(r.contactMonths) },
    { group: "mailbox", label: RETENTION_GROUPS.mailbox.label, tables: tablesOf("mailbox"), due: dueAt(r.contactMonths) },
  ];
  if (r.answersMonths != null) out.push({ group: "answers", label: RETENTION_GROUPS.answers.label, tables: tablesOf("answers"), due: dueAt(r.answersMonths) });
  return out;
}

export type RetentionRun = { studies: number; erased: { study: string; group: RetentionGroup; rows: number }[] };

/**
 * Erases, in every study, each group whose time has come (at `now`). Idempotent: a second run
 * finds nothing left to erase and records nothing. Each erasure with rows is audited (by the system).
 */
export async function runRetention(db: Db, now: Date): Promise<RetentionRun> {
  const out: RetentionRun = { studies: 0, erased: [] };
  for (const s of await studiesWithRetention(db)) {
    const due = retentionSchedule(s.settings).filter((e) => e.due.getTime() <= now.getTime());
    if (due.length) out.studies++;
    for (const e of due) {
      const rows = await transaction(db, async (tx) => {
        const n = await RETENTION_GROUPS[e.group].run(tx, s.id);
        if (n > 0) await recordAudit(tx, { kind: "system" }, { studyId: s.id, action: "retention.erased", target: e.group, filter: { due: e.due.toISOString() }, rowCount: n }, now);
        return n;
      });
      if (rows > 0) out.erased.push({ study: s.slug, group: e.group, rows });
    }
  }
  return out;
}
