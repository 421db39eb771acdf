// /c/<token>: the re-consent page a person reaches from the email with a new consent version. The
// GET only shows the wording (mail scanners fetch links); only the POST of a button answers, once,
// recorded like every consent: the wording exactly as shown, its hash, language, method "reconsent".
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { insertConsents } from "../../db/queries/consents";
import { findReconsentLink, markReconsentAnswered, type ReconsentLink } from "../../db/queries/reconsent";
import { hashToken } from "../crypto/tokens";
import { chooseLanguage } from "../i18n/choose-language";
import { RECONSENT_MESSAGES } from "../i18n/reconsent-messages";
import { MESSAGES, RESPONDENT_LANGUAGES, isRespondentLanguage } from "../i18n/respondent-messages";
import { contactOf, remembered, statusLanguage, type RequestInfo } from "./load-link";
import { htmlOutcome, type Outcome } from "./outcome";
import { html } from "./render/html";
import { shell } from "./render/shell";
import { statusPage } from "./render/status-page";

const TOKEN = /^[A-Za-z0-9_-]{27}$/;

function offeredOf(l: ReconsentLink): readonly string[] {
  const offered = RESPONDENT_LANGUAGES.filter((x) => l.languages.includes(x));
  return offered.length ? offered : RESPONDENT_LANGUAGES;
}

function languageOf(l: ReconsentLink, req: RequestInfo): string {
  return chooseLanguage({ offered: offeredOf(l), explicit: req.requestedLanguage, lastAnswered: null, recorded: l.recordedLanguage, acceptLanguage: req.acceptLanguage, fallback: l.defaultLanguage });
}

const messages = (lang: string) => RECONSENT_MESSAGES[isRespondentLanguage(lang) ? lang : "en"];

/** What the person is shown: the wording in their language, else the study's default language's. */
export function shownWording(l: ReconsentLink, lang: string) {
  const language = l.wording[lang] ? lang : l.wording[l.defaultLanguage] ? l.defaultLanguage : Object.keys(l.wording)[0];
  const heading = messages(lang).wordingHeading(l.wordingVersion);
  const text = l.wording[language] ?? "";
  /** As consents store a survey's consent: the heading, a line break, the wording. */
  return { language, heading, text, recorded: `${heading}\n${text}` };
}

async function load(db: Db, token: string, req: RequestInfo): Promise<{ link: ReconsentLink; lang: string } | Outcome> {
  const link = TOKEN.test(token) ? await findReconsentLink(db, hashToken(token)) : null;
  if (!link) return htmlOutcome(statusPage("unknown", statusLanguage(req)), 404);
  const lang = languageOf(link, req);
  if (link.withdrawnAt) return htmlOutcome(statusPage("withdrawn", lang, { languages: offeredOf(link) }), 410);
  return { link, lang };
}

function page(l: ReconsentLink, lang: string, status: string, title: string, body: ReturnType<typeof html>, req: RequestInfo, code = 200): Outcome {
  const contact = contactOf(l, lang);
  const foot = contact ? html`<p class="foot">${MESSAGES[isRespondentLanguage(lang) ? lang : "en"].contact(contact.name, contact.email)}</p>` : "";
  return htmlOutcome(shell({ lang, title, body: html`<h1 data-status="${status}">${title}</h1>${body}${foot}`, languages: offeredOf(l) }), code, remembered(lang, req));
}

function answered(l: ReconsentLink, lang: string, req: RequestInfo): Outcome {
  const m = messages(lang);
  return page(l, lang, "reconsent_answered", m.answeredTitle, html`<p>${m.answeredBody(l.granted === true)}</p>`, req);
}

/** GET: the new wording and two buttons, or "you have answered already". Changes nothing. */
export async function showReconsent(db: Db, token: string, req: RequestInfo): Promise<Outcome> {
  const found = await load(db, token, req);
  if ("kind" in found) return found;
  const { link, lang } = found;
  if (link.answeredAt) return answered(link, lang, req);
  const m = messages(lang);
  const w = shownWording(link, lang);
  const button = (answer: "agree" | "decline", label: string, cls: string) =>
    html`<form method="post" action="/c/${token}?answer=${answer}&amp;shown=${w.language}"><button type="submit"${cls ? html` class="${cls}"` : ""}>${label}</button></form>`;
  const body = html`<p>${m.intro}</p><section class="note" aria-labelledby="wording-h"><h2 id="wording-h" style="font-size:1.1rem;margin:0 0 .5rem">${w.heading}</h2><p lang="${w.language}" style="white-space:pre-line">${w.text}</p></section><p id="choice-hint">${m.choiceHint}</p><div class="nav" role="group" aria-describedby="choice-hint">${button("agree", m.agree, "")}${button("decline", m.decline, "sec")}</div>`;
  return page(link, lang, "reconsent_question", m.title, body, req);
}

/**
 * POST: records the answer once, in one transaction with the consent row (granted or not, the
 * wording as shown in the language shown, its hash, method "reconsent"). A repeated answer
 * changes nothing and says it was answered already.
 */
export async function answerReconsent(db: Db, token: string, answer: string | null, shown: string | null, req: RequestInfo): Promise<Outcome> {
  if (answer !== "agree" && answer !== "decline") return showReconsent(db, token, req);
  const found = await load(db, token, req);
  if ("kind" in found) return found;
  const { link, lang } = found;
  // The wording in the language the page showed (the form says which); the page's own choice otherwise.
  const w = shownWording(link, shown && link.wording[shown] ? shown : lang);
  const granted = answer === "agree";
  const recorded = await transaction(db, async (tx) => {
    if (!(await markReconsentAnswered(tx, link.recipientId, granted, req.now))) return false;
    await insertConsents(tx, [{
      participantId: link.participantId, studyId: link.studyId, kind: link.kind, granted, wordingVersion: link.wordingVersion,
      wordingText: w.recorded, language: w.language, waveId: null, method: "reconsent", recordedAt: req.now,
    }]);
    return true;
  });
  if (!recorded) return answered({ ...link, granted: (await findReconsentLink(db, hashToken(token)))?.granted ?? null }, lang, req);
  const m = messages(lang);
  return granted
    ? page(link, lang, "reconsent_agreed", m.agreedTitle, html`<p>${m.agreedBody}</p>`, req)
    : page(link, lang, "reconsent_declined", m.declinedTitle, html`<p>${m.declinedBody}</p>`, req);
}
