// The open link of a recruitment wave, /j/<study>/<wave>: a start page, and a POST that creates
// a participant with a personal link, so link previews and crawlers create nothing.
import type { Db } from "../../db/client";
import { findWaveBySlugs, insertOpenLinkParticipant } from "../../db/queries/respondent";
import { hashToken, newParticipantCode, newToken } from "../crypto/tokens";
import { LANGUAGE_NAMES, MESSAGES, RESPONDENT_LANGUAGES, isRespondentLanguage, pickLanguage } from "../i18n/respondent-messages";
import { textIn } from "../surveys/texts";
import { waveAvailability } from "./link-state";
import { htmlOutcome, redirectOutcome, type Outcome } from "./outcome";
import { FORM_LIMIT, readFormSource, refusedPost, type FormSource } from "./read-form";
import { html } from "./render/html";
import { shell } from "./render/shell";
import { statusPage } from "./render/status-page";
import type { RequestInfo } from "./personal-link";

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

async function findOpenWave(db: Db, studySlug: string, waveSlug: string, req: RequestInfo) {
  const fallbackLang = req.requestedLanguage && isRespondentLanguage(req.requestedLanguage)
    ? req.requestedLanguage
    : pickLanguage(req.acceptLanguage, [...RESPONDENT_LANGUAGES], "uk");
  if (!SLUG.test(studySlug) || !SLUG.test(waveSlug)) return { outcome: htmlOutcome(statusPage("unknown", fallbackLang), 404) };
  const wave = await findWaveBySlugs(db, studySlug, waveSlug);
  if (!wave || wave.mode !== "open_link") return { outcome: htmlOutcome(statusPage("unknown", fallbackLang), 404) };
  const langs = wave.languages;
  const lang = req.requestedLanguage && langs.includes(req.requestedLanguage)
    ? req.requestedLanguage
    : pickLanguage(req.acceptLanguage, langs, wave.defaultLanguage);
  const contact = wave.contactName && wave.contactEmail ? { name: wave.contactName, email: wave.contactEmail } : null;
  const a = waveAvailability({ waveStatus: wave.status, opensAt: wave.opensAt, closesAt: wave.closesAt }, req.now);
  if (a !== "open") return { outcome: htmlOutcome(statusPage(a, lang, { opensAt: wave.opensAt, contact }), 403, lang) };
  return { wave, lang, contact };
}

/** GET: the start page, in the respondent's language, with a language choice. */
export async function showOpenLink(db: Db, studySlug: string, waveSlug: string, req: RequestInfo): Promise<Outcome> {
  const found = await findOpenWave(db, studySlug, waveSlug, req);
  if ("outcome" in found) return found.outcome!;
  const { wave, lang, contact } = found;
  const m = MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const def = wave.definition as { title?: Record<string, string>; defaultLanguage?: string };
  const title = textIn(def.title, lang, def.defaultLanguage ?? wave.defaultLanguage) || wave.name;
  const path = `/j/${studySlug}/${waveSlug}`;
  const body = html`<nav class="lang" aria-label="${m.changeLanguage}"><span>${m.language}:</span>${wave.languages.map((l) =>
    l === lang
      ? html`<a href="${path}?lang=${l}" aria-current="true" lang="${l}">${LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l}</a>`
      : html`<a href="${path}?lang=${l}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l}</a>`,
  )}</nav><h1>${title}</h1><p>${m.welcomeBody}</p><form method="post" action="${path}"><input type="hidden" name="lang" value="${lang}"><button type="submit">${m.start}</button></form>${contact ? html`<p class="foot">${m.contact(contact.name, contact.email)}</p>` : ""}`;
  return htmlOutcome(shell({ lang, title, body }), 200, lang);
}

/**
 * POST: creates a participant and a personal link for this wave and sends the respondent there.
 * The start form (its language) is read only once the wave is known to be open.
 */
export async function startOpenLink(db: Db, studySlug: string, waveSlug: string, req: RequestInfo, form: FormSource = []): Promise<Outcome> {
  const found = await findOpenWave(db, studySlug, waveSlug, req);
  if ("outcome" in found) return found.outcome!;
  const read = await readFormSource(form, FORM_LIMIT);
  if (!read.ok) return refusedPost(read.refusal, found.lang, `/j/${studySlug}/${waveSlug}`);
  const posted = new Map(read.entries).get("lang");
  const lang = posted && found.wave.languages.includes(posted) ? posted : found.lang;
  const token = newToken();
  await insertOpenLinkParticipant(db, {
    studyId: found.wave.studyId,
    waveId: found.wave.waveId,
    code: newParticipantCode(),
    tokenHash: hashToken(token),
  });
  return redirectOutcome(`/s/${token}?lang=${encodeURIComponent(lang)}`, lang);
}
