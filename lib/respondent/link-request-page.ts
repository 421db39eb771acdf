// /v/<token>: the "Was this you?" page a panel member reaches from their own mailbox. The GET only
// shows the question (mail scanners fetch links); only the POST of a button answers it.
import { erasedLinkOutcome } from "./erased-link";
import type { Db } from "../../db/client";
import { answerLinkRequest, findLinkRequest, type LinkAnswerResult } from "../panel/answer-link-request";
import type { UnverifiedContactRow } from "../../db/queries/participants";
import { formatDate } from "../i18n/format-date";
import { chooseLanguage } from "../i18n/choose-language";
import { studyTimeZone } from "../i18n/study-time-zone";
import { MESSAGES, RESPONDENT_LANGUAGES, isRespondentLanguage } from "../i18n/respondent-messages";
import { contactOf, remembered, studyTextOf, statusLanguage, type RequestInfo } from "./load-link";
import { htmlOutcome, type Outcome } from "./outcome";
import { html } from "./render/html";
import { shell } from "./render/shell";
import { statusPage } from "./render/status-page";

/** The member's language: explicit choice > last answered > recorded > the phone > the study's. */
function offeredOf(row: UnverifiedContactRow): readonly string[] {
  const offered = RESPONDENT_LANGUAGES.filter((l) => row.languages.includes(l));
  return offered.length ? offered : RESPONDENT_LANGUAGES;
}

function memberLanguage(row: UnverifiedContactRow, req: RequestInfo): string {
  return chooseLanguage({
    offered: offeredOf(row), explicit: req.requestedLanguage,
    lastAnswered: row.lastAnsweredLanguage, recorded: row.recordedLanguage, acceptLanguage: req.acceptLanguage, fallback: row.defaultLanguage,
  });
}

function page(row: UnverifiedContactRow, lang: string, status: string, title: string, body: ReturnType<typeof html>, req: RequestInfo, code = 200): Outcome {
  return htmlOutcome(shell({ lang, title, body: html`<h1 data-status="${status}">${title}</h1>${body}`, languages: offeredOf(row) }), code, remembered(lang, req));
}

function messages(lang: string) {
  return MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
}

/** GET: asks the question, or says calmly that the link is spent. Changes nothing. */
export async function showLinkRequest(db: Db, token: string, req: RequestInfo): Promise<Outcome> {
  const found = await findLinkRequest(db, token, req.now);
  if (!found.row || found.state === "unknown") return (await erasedLinkOutcome(db, token, statusLanguage(req))) ?? htmlOutcome(statusPage("unknown", statusLanguage(req)), 404);
  const lang = memberLanguage(found.row, req);
  const m = messages(lang);
  if (found.state !== "open") return page(found.row, lang, "link_spent", m.linkSpentTitle, html`<p>${m.linkSpentBody}</p>`, req, 410);
  const r = found.row;
  const contact = contactOf(r, lang);
  const form = (answer: "confirm" | "reject", label: string, cls: string) =>
    html`<form method="post" action="/v/${token}?answer=${answer}"><button type="submit"${cls ? html` class="${cls}"` : ""}>${label}</button></form>`;
  const body = html`<p>${m.linkBody(formatDate(r.createdAt, "long", { language: lang, timeZone: studyTimeZone(r.studySettings) }), studyTextOf(r, lang).name)}</p><div class="nav">${form("confirm", m.linkConfirm, "")}${form("reject", m.linkReject, "sec")}</div>${contact ? html`<p class="foot">${m.contact(contact.name, contact.email)}</p>` : ""}`;
  return page(found.row, lang, "link_question", m.linkTitle, body, req);
}

/** POST: answers the request once; a repeated or late answer gets the calm "already used" page. */
export async function answerLinkRequestPage(db: Db, token: string, answer: string | null, req: RequestInfo): Promise<Outcome> {
  if (answer !== "confirm" && answer !== "reject") return showLinkRequest(db, token, req);
  const found = await findLinkRequest(db, token, req.now);
  if (!found.row || found.state === "unknown") return (await erasedLinkOutcome(db, token, statusLanguage(req))) ?? htmlOutcome(statusPage("unknown", statusLanguage(req)), 404);
  const lang = memberLanguage(found.row, req);
  const m = messages(lang);
  const result: LinkAnswerResult = await answerLinkRequest(db, token, answer, req.now);
  switch (result) {
    case "confirmed":
      return page(found.row, lang, "link_confirmed", m.linkConfirmedTitle, html`<p>${m.linkConfirmedBody}</p>`, req);
    case "kept_separate":
      return page(found.row, lang, "link_separate", m.linkConfirmedTitle, html`<p>${m.linkSeparateBody}</p>`, req);
    case "rejected":
      return page(found.row, lang, "link_rejected", m.linkRejectedTitle, html`<p>${m.linkRejectedBody}</p>`, req);
    case "unknown":
      return htmlOutcome(statusPage("unknown", lang, { languages: offeredOf(found.row) }), 404);
    default:
      return page(found.row, lang, "link_spent", m.linkSpentTitle, html`<p>${m.linkSpentBody}</p>`, req, 410);
  }
}
