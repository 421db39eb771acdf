// The settings page's retention form as the domain sees it: the typed fields checked (each
// problem named by its field), then saved as the study's settings.retention through updateStudy
// (its schema checks ranges; its errors come back named by the form's fields). Cleared fields
// remove the schedule.
import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput } from "../errors/app-error";
import type { RetentionSettings } from "../studies/study-schema";
import { updateStudy } from "../studies/update-study";

export type RetentionForm = { endDate?: string; contactMonths?: string; answersMonths?: string };

const months = (v: string) => (/^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);

/** The form's fields as settings.retention (null: no schedule); InvalidInput names each bad field. Pure. */
export function parseRetentionForm(f: RetentionForm): RetentionSettings | null {
  const endDate = (f.endDate ?? "").trim();
  if (!endDate && !f.contactMonths?.trim()) return null;
  const issues = [];
  const contact = months(f.contactMonths ?? "");
  const answers = f.answersMonths?.trim() ? months(f.answersMonths) : null;
  if (!endDate) issues.push({ path: "endDate", message: "Give the study's end date, e.g. 2027-12-31" });
  if (Number.isNaN(contact)) issues.push({ path: "contactMonths", message: "Whole months, 0 or more" });
  if (answers !== null && Number.isNaN(answers)) issues.push({ path: "answersMonths", message: "Whole months, 0 or more, or leave it empty" });
  if (issues.length) throw new InvalidInput("Check the retention fields", issues);
  return { endDate, contactMonths: contact, answersMonths: answers };
}

/** Saves the study's retention schedule from the form (members of the study and admins, as updateStudy allows). */
export async function updateRetention(db: Db, user: StaffUser, slug: string, f: RetentionForm, now: Date): Promise<void> {
  const retention = parseRetentionForm(f);
  try {
    await updateStudy(db, user, slug, { settings: { retention } }, now);
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    throw new InvalidInput(e.message, e.issues.map((i) => ({ ...i, path: i.path.replace(/^settings\.retention\./, "") })));
  }
}
