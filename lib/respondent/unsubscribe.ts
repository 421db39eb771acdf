// The stop-emails link: what GET /u/<token> shows and what POST /u/<token> does (the RFC 8058
// one-click opt-out, or "leave the study and delete my address" from the confirmation page).
import type { Db } from "../../db/client";
import { findParticipantMailInfo } from "../../db/queries/participants";
import { latestConsents } from "../../db/queries/consents";
import { FORM_LIMIT, type FormReader } from "./read-form";
import { statusPage } from "./render/status-page";
import { unsubscribePage } from "./render/unsubscribe-page";
import { verifyUnsubscribeToken } from "../mail/unsubscribe-token";
import { studyText } from "../studies/study-text";
import { optOutOfEmail, withdrawParticipant, type OptOutResult } from "../panel/withdraw-participant";

export type PageResponse = { status: number; html: string };

async function lookup(db: Db, key: Buffer, token: string) {
  const participantId = verifyUnsubscribeToken(key, token);
  const info = participantId ? await findParticipantMailInfo(db, participantId) : null;
  return info;
}

/**
 * The page of a link that is broken, expired or no longer anyone's: the respondent "unknown link"
 * page (404), in `lang`, the language the request asks for (statusLanguage), as we know nobody.
 */
export function invalidUnsubscribePage(lang: string): PageResponse {
  return { status: 404, html: statusPage("unknown", lang) };
}

// The study's name and contact in the participant's language (studyText), not the default's.
const pageOf = (info: NonNullable<Awaited<ReturnType<typeof lookup>>>) => {
  const language = info.language ?? info.defaultLanguage;
  const t = studyText({ name: info.studyName, defaultLanguage: info.defaultLanguage, contactName: info.contactName, contactEmail: info.contactEmail, texts: info.studyTexts }, language);
  return { language, studyName: t.name, contactName: t.contactName, contactEmail: t.contactEmail };
};

/** GET: the confirmation page (null for a link that is not valid). Changes nothing (mail scanners follow links). */
export async function showUnsubscribePage(db: Db, key: Buffer, token: string, actionUrl: string): Promise<PageResponse | null> {
  const info = await lookup(db, key, token);
  if (!info) return null;
  const consents = await latestConsents(db, info.participantId, ["follow_up_surveys"]);
  if (info.withdrawnAt) return { status: 200, html: unsubscribePage({ state: "erased" }, pageOf(info)) };
  return {
    status: 200,
    html: unsubscribePage({ state: "confirm", actionUrl, alreadyOptedOut: consents.follow_up_surveys === false }, pageOf(info)),
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
  opts: { erase: boolean; now: Date },
): Promise<{ result: OptOutResult; page: PageResponse } | null> {
  const info = await lookup(db, key, token);
  if (!info) return null;
  const args = { method: "unsubscribe_link" as const, now: opts.now };
  const result = opts.erase ? await withdrawParticipant(db, info.participantId, args) : await optOutOfEmail(db, info.participantId, args);
  return { result, page: { status: 200, html: unsubscribePage({ state: opts.erase ? "erased" : "done" }, pageOf(info)) } };
}

/**
 * POST /u/<token>: checks the link, then reads the form (at most 64 KB; a larger post is a 413
 * page in the participant's language) and stops email, or erases with action=erase. A form that
 * cannot be read still stops email: one-click senders vary, and stopping is what every post
 * here asks for at least. Returns null for a token that is not valid.
 */
export async function unsubscribeByPost(db: Db, key: Buffer, token: string, form: FormReader, now: Date): Promise<PageResponse | null> {
  const info = await lookup(db, key, token);
  if (!info) return null;
  const read = await form(FORM_LIMIT);
  if (!read.ok && read.refusal === "too_large") return { status: 413, html: statusPage("too_large", info.language ?? info.defaultLanguage) };
  const erase = read.ok && new Map(read.entries).get("action") === "erase";
  const done = await unsubscribeByToken(db, key, token, { erase, now });
  return done?.page ?? null;
}
