// The last two steps of a survey: "send your answers" (nothing is stored as complete until the
// respondent presses its button) and the completion page that follows, which alone shows 100 %
// and says what happens next. Pure.
import { formatDate } from "../../i18n/format-date";
import { FINISH_MESSAGES, MESSAGES, isRespondentLanguage } from "../../i18n/respondent-messages";
import { html } from "./html";
import { shell } from "./shell";

const langOf = (lang: string) => (isRespondentLanguage(lang) ? lang : "en");

/** The progress text and bar; the bar is named by the text, so screen readers read both. */
export function progressBar(text: string, percent: number, step?: number) {
  return html`<p class="progress" id="progress-text"${step ? html` data-step="${step}"` : ""}>${text}</p><progress max="100" value="${percent}" aria-labelledby="progress-text">${percent}%</progress>`;
}

export type SendStepInput = {
  lang: string;
  action: string;
  /** The last page, for the form's control fields and the Back link. */
  pageId: string;
  revision: number;
  submitKey: string;
  backUrl: string;
  percent: number;
  script?: string;
  /** The survey's languages: the switcher at the top. */
  languages?: readonly string[];
};

/** The send step: a clear button that sends, and a way back; no questions, no review. */
export function sendStepPage(i: SendStepInput): string {
  const f = FINISH_MESSAGES[langOf(i.lang)];
  const m = MESSAGES[langOf(i.lang)];
  const body = html`${progressBar(f.sendProgress, i.percent)}
<form method="post" action="${i.action}" id="send" data-send>
<h1>${f.sendTitle}</h1><p>${f.sendBody}</p>
<input type="hidden" name="_page" value="${i.pageId}"><input type="hidden" name="_rev" value="${i.revision}"><input type="hidden" name="_key" value="${i.submitKey}"><input type="hidden" name="_lang" value="${i.lang}">
<div class="nav"><button type="submit" name="_action" value="send" data-primary>${f.sendButton}</button><a class="btn sec" href="${i.backUrl}">${m.back}</a></div>
</form>`;
  return shell({ lang: i.lang, title: f.sendTitle, body, script: i.script, languages: i.languages });
}

export type CompletionInput = {
  lang: string;
  timeZone: string;
  nextWaveOpens: Date | null;
  contact: { name: string; email: string } | null;
  /** The person's My details page (/d/<token>); absent for someone we hold no participant for. */
  detailsUrl?: string | null;
  script?: string;
  /** The survey's languages: the switcher at the top. */
  languages?: readonly string[];
};

/** Shown once the answers are stored: 100 %, thanks, and what happens next. */
export function completionPage(i: CompletionInput): string {
  const f = FINISH_MESSAGES[langOf(i.lang)];
  const next = i.nextWaveOpens ? f.nextWave(formatDate(i.nextWaveOpens, "long", { language: i.lang, timeZone: i.timeZone })) : f.noNextWave;
  const body = html`${progressBar(f.doneProgress, 100)}
<h1 data-status="thanks">${f.doneTitle}</h1><p>${f.doneBody}</p>
<h2>${f.nextHeading}</h2><ul class="next"><li>${next}</li><li>${i.detailsUrl ? html`${f.updateDetailsLead} <a href="${i.detailsUrl}" data-details>${f.detailsLink}</a>` : f.updateDetails}</li>${i.contact ? html`<li>${f.contactUs(i.contact.name)}, <a class="code" href="mailto:${i.contact.email}">${i.contact.email}</a></li>` : ""}</ul>`;
  return shell({ lang: i.lang, title: f.doneTitle, body, script: i.script, languages: i.languages });
}
