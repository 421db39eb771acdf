// Interview slots on the staff side: a researcher publishes the times they can interview, sees
// who booked them, and withdraws a slot (cancelling its booking, with the updated .ics).
import { z } from "zod";
import type { Db } from "../../db/client";
import { cancelBooking, findBooking, findSlot, insertSlot, listStudySlots, withdrawSlot } from "../../db/queries/interviews";
import { participantCodes } from "../../db/queries/participants";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { isAdmin, mayReadInterviewContacts, studyForUser } from "../auth/permissions";
import { decryptPersonal } from "../crypto/personal-data";
import { Conflict, Forbidden, InvalidInput, NotFound } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { RESPONDENT_LANGUAGES } from "../i18n/respondent-messages";
import { wallTimeToInstant } from "../i18n/study-time-zone";
import { timeZoneSchema } from "../studies/study-schema";
import { queueInterviewMails } from "./interview-mails";
import { interviewSettings } from "./interview-settings";

export const INTERVIEW_MODES = ["phone", "video", "in_person"] as const;

export const slotInputSchema = z.object({
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter the start as date and time").describe("Wall-clock start in timeZone, YYYY-MM-DDTHH:MM"),
  timeZone: timeZoneSchema.describe("The interviewer's IANA time zone"),
  minutes: z.coerce.number("Enter the length in minutes").int().min(10, "At least 10 minutes").max(240, "At most 240 minutes"),
  mode: z.enum(INTERVIEW_MODES, "Choose how the interview happens"),
  videoUrl: z.string().trim().max(500).optional().or(z.literal("")).transform((v) => v || null),
  place: z.string().trim().max(300).optional().or(z.literal("")).transform((v) => v || null),
  languages: z.array(z.enum(RESPONDENT_LANGUAGES)).min(1, "Choose at least one language you can interview in"),
}).superRefine((s, ctx) => {
  if (s.mode === "video") {
    const ok = s.videoUrl && /^https:\/\/[^\s]+$/.test(s.videoUrl);
    if (!ok) ctx.addIssue({ code: "custom", path: ["videoUrl"], message: "Enter the video link (https://…)" });
  }
  if (s.mode === "in_person" && !s.place) ctx.addIssue({ code: "custom", path: ["place"], message: "Enter the place" });
});
export type SlotInput = z.input<typeof slotInputSchema>;

/**
 * Publishes a slot with the signed-in researcher (or admin) as interviewer. The start is read in
 * the interviewer's own zone and must be in the future. Audited.
 */
export async function createInterviewSlot(db: Db, user: StaffUser, slug: string, input: SlotInput, now: Date): Promise<{ id: string }> {
  const study = await studyForUser(db, user, slug);
  const s = parseInput(slotInputSchema, input);
  const startsAt = wallTimeToInstant(s.start, s.timeZone);
  if (!startsAt) throw new InvalidInput("Check the highlighted fields", [{ path: "start", message: "Enter the start as date and time" }]);
  if (startsAt <= now) throw new InvalidInput("Check the highlighted fields", [{ path: "start", message: "The start must be in the future" }]);
  return transaction(db, async (tx) => {
    const id = await insertSlot(tx, {
      studyId: study.id, interviewerId: user.id, startsAt, minutes: s.minutes, mode: s.mode,
      videoUrl: s.mode === "video" ? s.videoUrl : null, place: s.mode === "in_person" ? s.place : null, languages: s.languages, timeZone: s.timeZone,
    });
    await recordAudit(tx, user, { studyId: study.id, action: "interview.slot_created", target: id, filter: { startsAt: startsAt.toISOString(), mode: s.mode }, rowCount: 1 }, now);
    return { id };
  });
}

/** The study's slots from a day ago on, with who booked them (pseudonymous codes). Researchers and admins. */
/**
 * The study's slots from a week ago on. `email` is the booked person's address only for a reader
 * who may see it (admins; researchers where an admin allowed it), decrypted here, and each
 * address shown is audited (participant.contact_viewed, like the person page); otherwise null.
 */
export async function listInterviewSlots(db: Db, key: Buffer, user: StaffUser, slug: string, now: Date) {
  const study = await studyForUser(db, user, slug);
  const settings = interviewSettings(study.settings);
  const rows = await listStudySlots(db, study.id, new Date(now.getTime() - 7 * 86_400_000));
  const contacts = mayReadInterviewContacts(user, settings.interviewersSeeContacts);
  const slots = rows.map(({ emailEncrypted, ...s }) => ({ ...s, email: contacts && emailEncrypted && s.code ? decryptPersonal(key, emailEncrypted) : null }));
  for (const s of slots) {
    if (s.email) await recordAudit(db, user, { studyId: study.id, action: "participant.contact_viewed", target: s.code!, filter: { screen: "interviews" }, rowCount: 1 }, now);
  }
  return { study, settings, contacts, slots };
}

/**
 * Withdraws a slot (its interviewer or an admin). An active booking on it is cancelled and both
 * sides get the cancelling .ics. Audited.
 */
export async function withdrawInterviewSlot(db: Db, user: StaffUser, slug: string, slotId: string, now: Date): Promise<void> {
  const study = await studyForUser(db, user, slug);
  const slot = await findSlot(db, study.id, slotId);
  if (!slot) throw new NotFound("No such slot");
  if (slot.interviewerId !== user.id && !isAdmin(user)) throw new Forbidden("Only the slot's interviewer or an admin may withdraw it");
  const slots = await listStudySlots(db, study.id, slot.startsAt);
  const bookingId = slots.find((x) => x.id === slotId)?.bookingId ?? null;
  await transaction(db, async (tx) => {
    if (!(await withdrawSlot(tx, study.id, slotId, now))) throw new Conflict("This slot is already withdrawn");
    if (bookingId) {
      const before = await findBooking(tx, study.id, bookingId);
      const cancelled = before ? await cancelBooking(tx, { studyId: study.id, id: bookingId, by: "staff", now }) : null;
      if (cancelled) {
        const code = (await participantCodes(tx, [cancelled.participantId])).get(cancelled.participantId) ?? "";
        await queueInterviewMails(tx, { booking: cancelled, slot, event: "cancelled", code, studySlug: study.slug, reminderHours: [] }, now);
        await recordAudit(tx, user, { studyId: study.id, action: "interview.cancelled", target: code, filter: { slot: slotId, by: "staff" }, rowCount: 1 }, now);
      }
    }
    await recordAudit(tx, user, { studyId: study.id, action: "interview.slot_withdrawn", target: slotId, filter: { booked: Boolean(bookingId) }, rowCount: 1 }, now);
  });
}
