// Which language to speak to a person in: one order for the respondent pages and for email.
import { pickLanguage } from "./respondent-messages";

export type LanguageSources = {
  /** The languages that can be shown (the survey's, or the email templates'). */
  offered: readonly string[];
  /** An explicit choice: ?lang=, the language switcher, or the cookie that such a choice set. */
  explicit?: string | null;
  /** The language of the person's latest response in any wave of the study. */
  lastAnswered?: string | null;
  /** The panel's recorded language (contacts.language). */
  recorded?: string | null;
  /** The browser's Accept-Language header. */
  acceptLanguage?: string | null;
  /** The study's default. */
  fallback: string;
};

/**
 * Explicit choice > the language the person last answered in > the panel's recorded language >
 * the phone's Accept-Language > the study default; each only if offered. Pure.
 * (A Ukrainian on a phone set to Norwegian keeps Ukrainian.)
 */
export function chooseLanguage(s: LanguageSources): string {
  const offered = [...s.offered];
  for (const l of [s.explicit, s.lastAnswered, s.recorded]) if (l && offered.includes(l)) return l;
  const fallback = offered.includes(s.fallback) ? s.fallback : (offered[0] ?? s.fallback);
  return pickLanguage(s.acceptLanguage ?? null, offered, fallback);
}
