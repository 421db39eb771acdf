// The open link of a recruitment wave, /j/<study>/<wave>: a start page, and a POST that hands out
// a signed start token (/s/<token>) without storing anything; the participant and invitation are
// created when the first page is saved (open-link-first-save.ts). Starts are limited per client.
import type { Db } from "../../db/client";
import { findInvitationContext } from "../../db/queries/invitations";
import { findWaveBySlugs } from "../../db/queries/waves";
import type { Config } from "../config/load-config";
import { hashToken, newStartToken } from "../crypto/tokens";
import { MESSAGES, RESPONDENT_LANGUAGES, isRespondentLanguage, pickLanguage } from "../i18n/respondent-messages";
import { SLUG_PATTERN } from "../studies/study-schema";
import { studyTimeZone } from "../i18n/study-time-zone";
import { textIn } from "../surveys/texts";
import { loadDefinition } from "./definition";
import { waveAvailability } from "./link-state";
import { contactOf, remembered, type RequestInfo } from "./load-link";
import { forgetOpenLink, rememberOpenLink } from "./open-link-cookie";
import { checkOpenLinkLimit } from "./open-link-limits";
import { htmlOutcome, redirectOutcome, type Outcome } from "./outcome";
import { FORM_LIMIT, readFormSource, refusedPost, type FormSource } from "./read-form";
import { html } from "./render/html";
import { shell } from "./render/shell";
import { statusPage } from "./render/status-page";

async function findOpenWave(db: Db, studySlug: string, waveSlug: string, req: RequestInfo) {
  const fallbackLang = req.requestedLanguage && isRespondentLanguage(req.requestedLanguage)
    ? req.requestedLanguage
    : pickLanguage(req.acceptLanguage, [...RESPONDENT_LANGUAGES], "uk");
  if (!SLUG_PATTERN.test(studySlug) || !SLUG_PATTERN.test(waveSlug)) return { outcome: htmlOutcome(statusPage("unknown", fallbackLang), 404) };
  const wave = await findWaveBySlugs(db, studySlug, waveSlug);
  if (!wave || wave.mode !== "open_link") return { outcome: htmlOutcome(statusPage("unknown", fallbackLang), 404) };
  const langs = wave.languages;
  const lang = req.requestedLanguage && langs.includes(req.requestedLanguage)
    ? req.requestedLanguage
    : pickLanguage(req.acceptLanguage, langs, wave.defaultLanguage);
  const contact = contactOf(wave, lang);
  const a = waveAvailability({ waveStatus: wave.status, opensAt: wave.opensAt, closesAt: wave.closesAt }, req.now);
  if (a !== "open") return { outcome: htmlOutcome(statusPage(a, lang, { opensAt: wave.opensAt, timeZone: studyTimeZone(wave.studySettings), contact, languages: wave.languages }), 403, remembered(lang, req)) };
  return { wave, lang, contact, path: `/j/${studySlug}/${waveSlug}` };
}

const secure = (config: Config) => config.publicUrl.startsWith("https:");

/** Whether a remembered token leads to this wave's response, saved and not finished. */
async function resumable(db: Db, waveId: string, token: string | null): Promise<"resume" | "forget" | "none"> {
  if (!token) return "none";
  const ctx = await findInvitationContext(db, hashToken(token));
  if (!ctx || ctx.waveId !== waveId) return "none";
  if (ctx.withdrawnAt || ctx.invitationStatus === "completed" || ctx.response?.status === "completed") return "forget";
  return ctx.response?.id ? "resume" : "none";
}

/**
 * GET: the start page, in the respondent's language, with a language choice. A device that has an
 * unfinished response of this wave (the cookie) is offered to continue it, or to start again.
 */
export async function showOpenLink(db: Db, config: Config, studySlug: string, waveSlug: string, req: RequestInfo, rememberedToken: string | null = null): Promise<Outcome> {
  const found = await findOpenWave(db, studySlug, waveSlug, req);
  if ("outcome" in found) return found.outcome!;
  const { wave, lang, contact, path } = found;
  const m = MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const def = await loadDefinition(db, wave.instrumentVersionId);
  const title = textIn(def.title, lang, def.defaultLanguage ?? wave.defaultLanguage) || wave.name;
  const resume = await resumable(db, wave.waveId, rememberedToken);
  // The language goes with the start only when it was chosen; otherwise the survey page picks again.
  const chosen = remembered(lang, req);
  const startForm = html`<form method="post" action="${path}">${chosen ? html`<input type="hidden" name="lang" value="${lang}">` : ""}<button type="submit"${resume === "resume" ? html` class="sec"` : ""}>${resume === "resume" ? m.startAgain : m.start}</button></form>`;
  const body = html`<h1>${title}</h1><p>${m.welcomeBody}</p>${resume === "resume"
    ? html`<div class="notice" data-resume><p>${m.continueBody}</p><p><a class="btn" href="/s/${rememberedToken}">${m.continueButton}</a></p></div>`
    : ""}${startForm}${contact ? html`<p class="foot">${m.contact(contact.name, contact.email)}</p>` : ""}`;
  const out = htmlOutcome(shell({ lang, title, body, languages: wave.languages }), 200, chosen);
  return resume === "forget" ? { ...out, cookies: [forgetOpenLink(path, secure(config))] } : out;
}

/**
 * POST: hands out a start token for this wave (nothing is stored) and sends the respondent to it;
 * the device remembers it. Over the per-client limit, a calm 429 page with Retry-After. The start
 * form (its language, present only when chosen) is read only once the wave is known to be open.
 */
export async function startOpenLink(db: Db, config: Config, studySlug: string, waveSlug: string, req: RequestInfo, form: FormSource = []): Promise<Outcome> {
  const found = await findOpenWave(db, studySlug, waveSlug, req);
  if ("outcome" in found) return found.outcome!;
  const { wave, path } = found;
  const verdict = await checkOpenLinkLimit(db, config.personalDataKey, "start", req.client, req.now);
  if (!verdict.ok) {
    const m = MESSAGES[isRespondentLanguage(found.lang) ? found.lang : "en"];
    const page = shell({ lang: found.lang, title: m.tooManyTitle, body: html`<h1 data-status="too_many">${m.tooManyTitle}</h1><p>${m.tooManyBody}</p>` });
    return { ...htmlOutcome(page, 429), headers: { "retry-after": String(verdict.retryAfterSeconds) } };
  }
  const read = await readFormSource(form, FORM_LIMIT);
  if (!read.ok) return refusedPost(read.refusal, found.lang, path);
  const posted = new Map(read.entries).get("lang");
  // The language goes with the start only when it was chosen (the form's field, ?lang= or the cookie).
  const chosen = posted && wave.languages.includes(posted) ? posted : remembered(found.lang, req);
  const token = newStartToken(config.personalDataKey, wave.waveId);
  const out = redirectOutcome(chosen ? `/s/${token}?lang=${encodeURIComponent(chosen)}` : `/s/${token}`, chosen);
  return { ...out, cookies: [rememberOpenLink(path, token, secure(config))] };
}
