import { formatDate } from "../../i18n/format-date";
import { MESSAGES, RESPONDENT_LANGUAGES, isRespondentLanguage } from "../../i18n/respondent-messages";
import { DEFAULT_TIME_ZONE } from "../../i18n/study-time-zone";
import { html } from "./html";
import { shell } from "./shell";

export type StatusKind = "unknown" | "erased" | "not_open" | "closed" | "completed" | "withdrawn" | "thanks" | "too_large" | "unreadable";

/**
 * A calm page for a link that cannot be answered now, in the respondent's language. With `script`
 * (the enhancement script), a device that kept a draft of the link's pages forgets it here.
 */
export function statusPage(
  kind: StatusKind,
  lang: string,
  opts: {
    opensAt?: Date | null;
    /** The study's zone (studyTimeZone) for opensAt. */
    timeZone?: string;
    contact?: { name: string; email: string } | null;
    /** A link back to the survey. */
    back?: string;
    script?: string;
    /** The languages of the switcher at the top: the survey's, or every respondent language. */
    languages?: readonly string[];
  } = {},
): string {
  const m = MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const [title, body] = {
    unknown: [m.unknownLinkTitle, m.unknownLinkBody],
    erased: [m.erasedLinkTitle, m.erasedLinkBody],
    not_open: [m.notOpenTitle, m.notOpenBody(opts.opensAt ? formatDate(opts.opensAt, "long", { language: lang, timeZone: opts.timeZone ?? DEFAULT_TIME_ZONE }) : "")],
    closed: [m.closedTitle, m.closedBody],
    completed: [m.completedTitle, m.completedBody],
    withdrawn: [m.withdrawnTitle, m.withdrawnBody],
    thanks: [m.thanksTitle, m.thanksBody],
    too_large: [m.tooLargeTitle, m.tooLargeBody],
    unreadable: [m.unreadableTitle, m.unreadableBody],
  }[kind];
  const back = opts.back ? html`<p><a class="btn sec" href="${opts.back}">${m.backToSurvey}</a></p>` : "";
  const contact = opts.contact ? html`<p class="foot">${m.contact(opts.contact.name, opts.contact.email)}</p>` : "";
  return shell({ lang, title, body: html`<h1 data-status="${kind}">${title}</h1><p>${body}</p>${back}${contact}`, script: opts.script, languages: opts.languages ?? RESPONDENT_LANGUAGES });
}
