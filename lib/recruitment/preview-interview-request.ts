// The interview request as it will be sent, shown before it is queued.
import type { Db } from "../../db/client";
import { INTERVIEW_CONSENT } from "../../db/queries/consents";
import { findBoardEntry, lastAnsweredLanguage } from "../../db/queries/recruitment";
import { TEMPLATES } from "../../emails";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { NotFound } from "../errors/app-error";
import { studyTimeZone } from "../i18n/study-time-zone";
import { respondentEmailLanguage } from "../mail/email-language";
import { DEFAULT_MINUTES, requestRefusal } from "./send-interview-request";

/**
 * The subject and body (text and HTML) of the interview request to one person on the board, in
 * the language the sender will choose (their latest answer's, else their contact language, else
 * the study default), with the study's name and contact person. The personal stop-emails link
 * is made when the email is sent; here it is a placeholder under `publicUrl`. `refusal` says why
 * it cannot be sent now. Pseudonymous: no address. Researchers of the study and admins.
 */
export async function previewInterviewRequest(
  db: Db,
  user: StaffUser,
  slug: string,
  r: { id: string; link?: string | null; minutes?: string },
  publicUrl: string,
) {
  const study = await studyForUser(db, user, slug);
  const entry = await findBoardEntry(db, study.id, r.id, INTERVIEW_CONSENT);
  if (!entry) throw new NotFound("Not on the recruitment board");
  const language = respondentEmailLanguage({
    answeredLanguage: await lastAnsweredLanguage(db, entry.participantId),
    contactLanguage: entry.language,
    queuedLanguage: entry.language ?? study.defaultLanguage,
  });
  const email = TEMPLATES["interview-request"].render({
    language, studyName: study.name, contactName: study.contactName, contactEmail: study.contactEmail,
    timeZone: studyTimeZone(study.settings), unsubscribeUrl: `${publicUrl}/u/personal-stop-emails-link`,
    link: r.link ?? null, minutes: r.minutes ?? DEFAULT_MINUTES,
  });
  return {
    study: { slug: study.slug, name: study.name },
    entry: { id: entry.id, code: entry.code, status: entry.status, requests: entry.requests },
    language,
    subject: email.subject,
    text: email.text,
    html: email.html,
    refusal: requestRefusal(entry),
  };
}
