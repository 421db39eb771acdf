// Which language to speak to a person in: one order for the respondent pages and for email.
import { pickLanguage } from "./respondent-messages";

export type LanguageSources = {
  /** The languages that can be shown (the survey's, or the email templates'). */
  offered: readonly string[];
  /** An explicit choice: ?lang=, the language switcher, or the cookie that such a choice set. */
  explicit?: string | null;
  /** The language of the person's latest response in any wave of the study. */
  lastAnswered?: string | null;
  lastAnsweredAt?: Date | null;
  /** The language the person set on My details, and when: the newer of it and lastAnswered wins. */
  chosen?: string | null;
  chosenAt?: Date | null;
  /** The panel's recorded language (contacts.language). */
  recorded?: string | null;
  /** The browser's Accept-Language header. */
  acceptLanguage?: string | null;
  /** The study's default. */
  fallback: string;
};

/**
 * Explicit choice > the language the person last set on My details or answered in, whichever is
 * newer > the panel's recorded language >
 * the phone's Accept-Language > the study default; each only if offered. Pure.
 * (A Ukrainian on a phone set to Norwegian keeps Ukrainian.)
 */
export function chooseLanguage(s: LanguageSources): string {
  const offered = [...s.offered];
  const chosenFirst = !!s.chosen && (!s.lastAnswered || !s.lastAnsweredAt || (!!s.chosenAt && s.chosenAt >= s.lastAnsweredAt));
  const latest = chosenFirst ? [s.chosen, s.lastAnswered] : [s.lastAnswered, s.chosen];
  for (const l of [s.explicit, ...latest, s.recorded]) if (l && offered.includes(l)) return l;
  const fallback = offered.includes(s.fallback) ? s.fallback : (offered[0] ?? s.fallback);
  return pickLanguage(s.acceptLanguage ?? null, offered, fallback);
}
