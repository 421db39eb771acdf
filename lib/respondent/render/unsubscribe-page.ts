// The stop-emails pages at /u/<token>, in the participant's language, drawn like every respondent
// page (shell, stylesheet, no-JS forms, the language switcher at the top). Pure.
import { MESSAGES, isRespondentLanguage } from "../../i18n/respondent-messages";
import { UNSUBSCRIBE_MESSAGES } from "../../i18n/unsubscribe-messages";
import { html, type Raw } from "./html";
import { shell } from "./shell";

export type UnsubscribeView =
  | { state: "confirm"; actionUrl: string; alreadyOptedOut: boolean }
  | { state: "done" }
  | { state: "erased" }
  /** A damaged or expired link: whose it was is unknown, so no study name or contact. */
  | { state: "broken" };

export function unsubscribePage(
  view: UnsubscribeView,
  opts: { language: string; studyName: string; contactName: string | null; contactEmail: string | null; languages?: readonly string[] },
): string {
  const lang = isRespondentLanguage(opts.language) ? opts.language : "en";
  const t = UNSUBSCRIBE_MESSAGES[lang];
  const form = (url: string, action: "stop" | "erase", label: string) =>
    html`<form method="post" action="${url}"><input type="hidden" name="action" value="${action}"><p><button type="submit"${action === "erase" ? html` class="sec"` : ""}>${label}</button></p></form>`;
  let title: string;
  let body: Raw;
  if (view.state === "confirm") {
    // Someone who already stopped the emails is told so, and may still leave the study entirely.
    title = view.alreadyOptedOut ? t.doneTitle : t.confirmTitle(opts.studyName);
    body = html`${view.alreadyOptedOut ? "" : html`<p>${t.confirmBody}</p>${form(view.actionUrl, "stop", t.stopButton)}`}<p>${t.eraseBody}</p>${form(view.actionUrl, "erase", t.eraseButton)}`;
  } else if (view.state === "done") {
    title = t.doneTitle;
    body = html`<p>${t.doneBody}</p>`;
  } else if (view.state === "broken") {
    title = t.brokenTitle;
    body = html`<p>${t.brokenBody}</p>`;
  } else {
    title = t.erasedTitle;
    body = html`<p>${t.erasedBody}</p>`;
  }
  const contact = opts.contactEmail ? html`<p class="foot">${MESSAGES[lang].contact(opts.contactName || opts.contactEmail, opts.contactEmail)}</p>` : "";
  return shell({ lang, title, body: html`<h1 data-status="unsubscribe-${view.state}">${title}</h1>${body}${contact}`, languages: opts.languages });
}
