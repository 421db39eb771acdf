// Contact health of a study (docs/bounces.md): counts of working, bounced and unreached addresses,
// and per panel wave the contact attempts behind the AAPOR non-contact codes. Read-only.
import { z } from "zod";
import type { Db } from "../../db/client";
import { contactHealthCounts, nonContactByWave, type ContactHealthCounts, type WaveNonContact } from "../../db/queries/contact-health";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { parseInput } from "../errors/zod-issues";
import { studyTimeZone } from "../i18n/study-time-zone";

export const contactHealthQuerySchema = z.object({
  months: z.coerce.number().int("Months are whole numbers").min(1, "At least 1 month").max(120, "At most 120 months").default(12),
});
export type ContactHealthQuery = z.input<typeof contactHealthQuerySchema>;

export type ContactHealth = {
  study: { slug: string; name: string };
  timeZone: string;
  months: number;
  since: Date;
  counts: ContactHealthCounts;
  waves: WaveNonContact[];
};

/** The months before `now` back to the same day (the end of a shorter month when it has none). Pure. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** Researchers of the study and admins; counts only. InvalidInput names `months` when it is not 1–120. */
export async function getContactHealth(db: Db, user: StaffUser, slug: string, query: ContactHealthQuery | Record<string, string>, now: Date): Promise<ContactHealth> {
  const q = parseInput(contactHealthQuerySchema, query);
  const study = await studyForUser(db, user, slug);
  const since = monthsBefore(now, q.months);
  const [counts, waves] = await Promise.all([contactHealthCounts(db, study.id, since), nonContactByWave(db, study.id)]);
  return { study: { slug: study.slug, name: study.name }, timeZone: studyTimeZone(study.settings), months: q.months, since, counts, waves };
}
