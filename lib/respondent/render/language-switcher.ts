// The language switcher, at the top of every respondent page (not 3,000 px down below the Next
// button). On a survey page its buttons submit the form (the page's answers are kept, then shown
// in the new language); on every other page it is links with ?lang=, an explicit choice that wins
// over every other source (chooseLanguage) and is remembered for the link's later pages.
import { LANGUAGE_NAMES, MESSAGES, isRespondentLanguage } from "../../i18n/respondent-messages";
import { html, type Raw } from "./html";

const nameOf = (l: string) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l;
const messagesOf = (lang: string) => MESSAGES[isRespondentLanguage(lang) ? lang : "en"];

/** Links to this same page in each language (keeping `keep`'s parameters); nothing when there is only one. */
export function languageLinks(lang: string, languages: readonly string[], keep?: Readonly<Record<string, string>>): Raw | "" {
  if (languages.length < 2) return "";
  const m = messagesOf(lang);
  const href = (l: string) => `?${new URLSearchParams({ ...keep, lang: l })}`;
  return html`<nav class="lang" aria-label="${m.changeLanguage}"><span>${m.language}:</span>${languages.map((l) =>
    l === lang ? html`<a href="${href(l)}" lang="${l}" aria-current="true">${nameOf(l)}</a>` : html`<a href="${href(l)}" lang="${l}" hreflang="${l}">${nameOf(l)}</a>`,
  )}</nav>`;
}

/**
 * The survey form's switcher, placed above the form (its buttons belong to it by form="…"). A
 * hidden "next" button comes first: Enter in a field submits the form's first button in document
 * order, which must go on, not switch the language.
 */
export function languageButtons(lang: string, languages: readonly string[], form: string, next: string): Raw | "" {
  if (languages.length < 2) return "";
  const m = messagesOf(lang);
  return html`<button type="submit" form="${form}" class="vh" tabindex="-1" aria-hidden="true">${next}</button><div class="lang" role="group" aria-label="${m.changeLanguage}"><span>${m.language}:</span>${languages.map((l) =>
    html`<button type="submit" form="${form}" name="_action" value="lang:${l}" class="sec" lang="${l}" formnovalidate${l === lang ? html` aria-current="true"` : ""}>${nameOf(l)}</button>`,
  )}</div>`;
}
