// The stop-emails link: what GET /u/<token> shows and what POST /u/<token> does (the RFC 8058
// one-click opt-out, or "leave the study and delete my address" from the confirmation page).
import type { Db } from "../../db/client";
import { findParticipantMailInfo, latestConsents } from "../../db/queries/panel-mail";
import { FORM_LIMIT, type FormReader } from "../respondent/read-form";
import { statusPage } from "../respondent/render/status-page";
import { renderUnsubscribePage } from "./unsubscribe-page";
import { verifyUnsubscribeToken } from "./unsubscribe-token";
import { optOutOfEmail, withdrawParticipant, type OptOutResult } from "./withdraw-participant";

export type PageResponse = { status: number; html: string };

async function lookup(db: Db, key: Buffer, token: string) {
  const participantId = verifyUnsubscribeToken(key, token);
  const info = participantId ? await findParticipantMailInfo(db, participantId) : null;
  return info;
}

function invalid(): PageResponse {
  return { status: 404, html: renderUnsubscribePage({ state: "invalid" }, { language: "en" }) };
}

/** GET: the confirmation page. Changes nothing (mail scanners follow links). */
export async function showUnsubscribePage(db: Db, key: Buffer, token: string, actionUrl: string): Promise<PageResponse> {
  const info = await lookup(db, key, token);
  if (!info) return invalid();
  const consents = await latestConsents(db, info.participantId, ["follow_up_surveys"]);
  const page = { language: info.language ?? info.defaultLanguage, studyName: info.studyName, contactName: info.contactName, contactEmail: info.contactEmail };
  if (info.withdrawnAt) return { status: 200, html: renderUnsubscribePage({ state: "erased" }, page) };
  return {
    status: 200,
    html: renderUnsubscribePage({ state: "confirm", actionUrl, alreadyOptedOut: consents.follow_up_surveys === false }, page),
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
  const page = { language: info.language ?? info.defaultLanguage, studyName: info.studyName, contactName: info.contactName, contactEmail: info.contactEmail };
  return { result, page: { status: 200, html: renderUnsubscribePage({ state: opts.erase ? "erased" : "done" }, page) } };
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

export function invalidUnsubscribePage(): PageResponse {
  return invalid();
}
