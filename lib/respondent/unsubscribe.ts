// The stop-emails link: what GET /u/<token> shows and what POST /u/<token> does (the RFC 8058
// one-click opt-out, or "leave the study and delete my address" from the confirmation page).
import { ERASED_STATUS, erasedLinkHtml } from "./erased-link";
import type { Db } from "../../db/client";
import { findParticipantMailInfo } from "../../db/queries/participants";
import { latestConsents } from "../../db/queries/consents";
import { FORM_LIMIT, type FormReader } from "./read-form";
import { statusPage } from "./render/status-page";
import { unsubscribePage } from "./render/unsubscribe-page";
import { verifyUnsubscribeToken } from "../mail/unsubscribe-token";
import { studyText } from "../studies/study-text";
import { RESPONDENT_LANGUAGES, isRespondentLanguage } from "../i18n/respondent-messages";
import { optOutOfEmail, withdrawParticipant, type OptOutResult } from "../panel/withdraw-participant";

export type PageResponse = { status: number; html: string };

async function lookup(db: Db, key: Buffer, token: string) {
  const participantId = verifyUnsubscribeToken(key, token);
  const info = participantId ? await findParticipantMailInfo(db, participantId) : null;
  return info;
}

/** An erased participant's stop-emails link: the calm "no longer available" page (nothing to stop). */
async function erasedPage(db: Db, token: string, requested?: string | null): Promise<PageResponse | null> {
  const html = await erasedLinkHtml(db, token, requested && isRespondentLanguage(requested) ? requested : "uk");
  return html ? { status: ERASED_STATUS, html } : null;
}

/**
 * The page of a link that is damaged, expired or no longer anyone's (404): drawn like the other
 * stop-emails pages, in `lang`, the language the request asks for (statusLanguage: ?lang=, the
 * cookie, then Accept-Language), as we know nobody; its switcher offers every respondent language.
 */
export function invalidUnsubscribePage(lang: string): PageResponse {
  return { status: 404, html: unsubscribePage({ state: "broken" }, { language: lang, studyName: "", contactName: null, contactEmail: null, languages: RESPONDENT_LANGUAGES }) };
}

/** The languages /u offers: the study's respondent languages (all four when it has none of them). */
function offeredOf(info: NonNullable<Awaited<ReturnType<typeof findParticipantMailInfo>>>): readonly string[] {
  const offered = RESPONDENT_LANGUAGES.filter((l) => info.studyLanguages.includes(l));
  return offered.length ? offered : RESPONDENT_LANGUAGES;
}

/**
 * The page's language (an explicit ?lang= choice among the offered ones wins, then the one the
 * participant last answered in or was recorded with, then the study's), and the study's name and
 * contact in that language (studyText), not the default language's.
 */
export const pageOf = (info: NonNullable<Awaited<ReturnType<typeof findParticipantMailInfo>>>, requested?: string | null) => {
  const languages = offeredOf(info);
  const language = requested && languages.includes(requested) ? requested : (info.language ?? info.defaultLanguage);
  const t = studyText({ name: info.studyName, defaultLanguage: info.defaultLanguage, contactName: info.contactName, contactEmail: info.contactEmail, texts: info.studyTexts }, language);
  return { language, languages, studyName: t.name, contactName: t.contactName, contactEmail: t.contactEmail };
};

/** GET: the confirmation page (null for a link that is not valid). Changes nothing (mail scanners follow links). */
export async function showUnsubscribePage(db: Db, key: Buffer, token: string, actionUrl: string, requested?: string | null): Promise<PageResponse | null> {
  const gone = await erasedPage(db, token, requested);
  if (gone) return gone;
  const info = await lookup(db, key, token);
  if (!info) return null;
  const consents = await latestConsents(db, info.participantId, ["follow_up_surveys"]);
  const page = pageOf(info, requested);
  if (info.withdrawnAt) return { status: 200, html: unsubscribePage({ state: "erased" }, page) };
  // The chosen language goes with the form, so the page after it speaks it too.
  const action = requested && page.language === requested ? `${actionUrl}?lang=${requested}` : actionUrl;
  return {
    status: 200,
    html: unsubscribePage({ state: "confirm", actionUrl: action, alreadyOptedOut: consents.follow_up_surveys === false }, page),
  };
}

/**
 * POST: stops email (action "stop", also the one-click POST) or withdraws and erases the contact
 * (action "erase"). Idempotent. Returns null for a token that is not valid.
 */
export async function unsubscribeByToken(
  db: Db,
  key: Buffer,
  token: string,
  opts: { erase: boolean; now: Date; requested?: string | null },
): Promise<{ result: OptOutResult; page: PageResponse } | null> {
  const info = await lookup(db, key, token);
  if (!info) return null;
  const args = { method: "unsubscribe_link" as const, now: opts.now };
  const result = opts.erase ? await withdrawParticipant(db, info.participantId, args) : await optOutOfEmail(db, info.participantId, args);
  return { result, page: { status: 200, html: unsubscribePage({ state: opts.erase ? "erased" : "done" }, pageOf(info, opts.requested)) } };
}

/**
 * POST /u/<token>: checks the link, then reads the form (at most 64 KB; a larger post is a 413
 * page in the participant's language) and stops email, or erases with action=erase. A form that
 * cannot be read still stops email: one-click senders vary, and stopping is what every post
 * here asks for at least. Returns null for a token that is not valid.
 */
export async function unsubscribeByPost(db: Db, key: Buffer, token: string, form: FormReader, now: Date, requested?: string | null): Promise<PageResponse | null> {
  const gone = await erasedPage(db, token, requested);
  if (gone) return gone;
  const info = await lookup(db, key, token);
  if (!info) return null;
  const read = await form(FORM_LIMIT);
  if (!read.ok && read.refusal === "too_large") return { status: 413, html: statusPage("too_large", info.language ?? info.defaultLanguage) };
  const erase = read.ok && new Map(read.entries).get("action") === "erase";
  const done = await unsubscribeByToken(db, key, token, { erase, now, requested });
  return done?.page ?? null;
}
