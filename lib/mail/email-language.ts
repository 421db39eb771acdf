// The language a respondent email goes out in, decided at send time (build-message.ts) and shown
// the same way before it is queued (the interview request's preview).
import { EMAIL_LANGUAGES } from "../../emails";
import { pickLanguage, type EmailLanguage } from "../../emails/layout";
import { chooseLanguage } from "../i18n/choose-language";

/**
 * The language the person last set on My details or answered in (the newer), else their recorded one, else the language queued
 * with the message (the contact's language, or the study default when queued). Pure.
 */
export function respondentEmailLanguage(s: {
  answeredLanguage: string | null; answeredAt?: Date | null; chosenLanguage?: string | null; chosenLanguageAt?: Date | null;
  contactLanguage: string | null; queuedLanguage: string;
}): EmailLanguage {
  return chooseLanguage({
    offered: EMAIL_LANGUAGES, lastAnswered: s.answeredLanguage, lastAnsweredAt: s.answeredAt, chosen: s.chosenLanguage, chosenAt: s.chosenLanguageAt,
    recorded: s.contactLanguage,
    fallback: pickLanguage(s.queuedLanguage, EMAIL_LANGUAGES, "en"),
  }) as EmailLanguage;
}
