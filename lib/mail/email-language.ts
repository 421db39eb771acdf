// The language a respondent email goes out in, decided at send time (build-message.ts) and shown
// the same way before it is queued (the interview request's preview).
import { EMAIL_LANGUAGES } from "../../emails";
import { pickLanguage, type EmailLanguage } from "../../emails/layout";
import { chooseLanguage } from "../i18n/choose-language";

/**
 * The language the person last answered in, else their recorded one, else the language queued
 * with the message (the contact's language, or the study default when queued). Pure.
 */
export function respondentEmailLanguage(s: { answeredLanguage: string | null; contactLanguage: string | null; queuedLanguage: string }): EmailLanguage {
  return chooseLanguage({
    offered: EMAIL_LANGUAGES, lastAnswered: s.answeredLanguage, recorded: s.contactLanguage,
    fallback: pickLanguage(s.queuedLanguage, EMAIL_LANGUAGES, "en"),
  }) as EmailLanguage;
}
