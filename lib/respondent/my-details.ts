// The My details pages: GET /d/<token> shows what the study holds (masked) and the form; POST saves
// (lib/panel/my-details.ts) and comes back to the page with a notice (post/redirect/get). GET
// /d/c/<token> asks to confirm a new address; POST confirms it. Unknown, expired and used
// confirmation links all get the same calm page.
import { markKeepInTouchDetailsOpened } from "../../db/queries/keep-in-touch";
import type { Db } from "../../db/client";
import { findParticipantMailInfo } from "../../db/queries/participants";
import { DETAILS_MESSAGES, type DetailsField } from "../i18n/details-messages";
import { isRespondentLanguage } from "../i18n/respondent-messages";
import { verifyDetailsToken } from "../mail/unsubscribe-token";
import { confirmContactPoint, confirmDetailsUnchanged, findLiveContactToken, loadMyDetails, residenceText, saveMyDetails, type DetailsForm } from "../panel/my-details";
import { hashToken } from "../crypto/tokens";
import { statusLanguage } from "./load-link";
import { htmlOutcome, redirectOutcome, type Outcome } from "./outcome";
import { FORM_LIMIT, readFormSource, refusedPost, type FormSource } from "./read-form";
import { confirmContactPage, detailsPage, erasureConfirmPage, type PageFrame } from "./render/details-page";
import { requestAnswerErasure } from "../panel/request-answer-erasure";
import type { RequestInfo } from "./load-link";
import { pageOf } from "./unsubscribe";

const NOTICES = ["saved", "sent", "tooMany", "confirmed", "erasure"] as const;
type Notice = (typeof NOTICES)[number];

async function owner(db: Db, key: Buffer, token: string) {
  const participantId = verifyDetailsToken(key, token);
  const info = participantId ? await findParticipantMailInfo(db, participantId) : null;
  // A withdrawn person's details are erased; their link leads nowhere, like a forged one.
  return info && !info.withdrawnAt ? info : null;
}

const withLang = (url: string, lang: string, req: RequestInfo) => (req.requestedLanguage === lang ? `${url}${url.includes("?") ? "&" : "?"}lang=${lang}` : url);

/** The page of a /d or /d/c link that is not (or no longer) anyone's: 404, in the language asked for. */
export function unknownDetailsLink(req: RequestInfo): Outcome {
  return htmlOutcome(confirmContactPage("bad", { language: statusLanguage(req) }), 404);
}

async function render(db: Db, key: Buffer, info: NonNullable<Awaited<ReturnType<typeof owner>>>, url: string, req: RequestInfo, extra: { notice?: Notice | null; errors?: { field: DetailsField; key: string }[]; values?: DetailsForm }, now: Date) {
  const page = pageOf(info, req.requestedLanguage);
  const held = await loadMyDetails(db, key, info.participantId, now);
  const t = DETAILS_MESSAGES[isRespondentLanguage(page.language) ? page.language : "en"];
  const frame: PageFrame = page;
  return detailsPage({
    studyName: page.studyName, actionUrl: withLang(url, page.language, req), points: held.points.filter((p) => p.kind === "email" || p.kind === "phone"),
    residence: residenceText(held, page.language), country: held.country, town: held.town, chosenLanguage: held.language,
    notice: extra.notice ?? null, errors: (extra.errors ?? []).map((e) => ({ field: e.field, message: t.errors[e.key as keyof typeof t.errors] })), values: extra.values,
  }, frame);
}

/** GET /d/<token>: the page (null for a token that is not valid). `notice` comes from the redirect after a save. */
export async function showMyDetails(db: Db, key: Buffer, token: string, url: string, req: RequestInfo & { notice?: string | null }): Promise<Outcome | null> {
  const info = await owner(db, key, token);
  if (!info) return null;
  const notice = NOTICES.find((n) => n === req.notice) ?? null;
  // For the keep-in-touch report: opened My details after a mailing (the first time only).
  await markKeepInTouchDetailsOpened(db, info.participantId, req.now);
  return htmlOutcome(await render(db, key, info, url, req, { notice }, req.now));
}

/** POST /d/<token>: saves, then back to the page with a notice; a form with errors comes back with them (400). */
export async function postMyDetails(db: Db, key: Buffer, token: string, url: string, form: FormSource, req: RequestInfo): Promise<Outcome | null> {
  const info = await owner(db, key, token);
  if (!info) return null;
  const read = await readFormSource(form, FORM_LIMIT);
  const lang = pageOf(info, req.requestedLanguage).language;
  if (!read.ok) return refusedPost(read.refusal, lang, url);
  const fields = new Map(read.entries);
  if (fields.get("_still_right") === "1") {
    await confirmDetailsUnchanged(db, info.participantId, req.now);
    return redirectOutcome(withLang(`${url}?done=confirmed`, lang, req));
  }
  // "Ask the team to delete my data": a confirmation step, then a request for the admins (nothing is deleted here).
  const action = fields.get("_action");
  if (action === "erase") {
    const page = pageOf(info, req.requestedLanguage);
    const here = withLang(url, page.language, req);
    return htmlOutcome(erasureConfirmPage({ ...page, actionUrl: here, backUrl: here }));
  }
  if (action === "erase_confirmed") {
    await requestAnswerErasure(db, { studyId: info.studyId, participantId: info.participantId, waveId: null, language: lang, from: "details", now: req.now });
    return redirectOutcome(`${url}?done=erasure${req.requestedLanguage === lang ? `&lang=${lang}` : ""}`, req.requestedLanguage === lang ? lang : undefined);
  }
  const values: DetailsForm = {};
  for (const k of ["email", "email2", "phone", "language", "country", "town"] as const) if (fields.has(k)) values[k] = fields.get(k)!.slice(0, 300);
  if (fields.has("_language_shown")) values.languageShown = fields.get("_language_shown")!.slice(0, 10);
  const r = await saveMyDetails(db, { personalDataKey: key }, info.participantId, values, req.now);
  if (!r.ok) return htmlOutcome(await render(db, key, info, url, req, { errors: r.errors, values }, req.now), 400);
  const notice: Notice = r.tooMany ? "tooMany" : r.confirmationsSent > 0 ? "sent" : "saved";
  // A new language shows the page in it (and remembers it); otherwise the language asked for stays.
  const next = values.language && r.changed.includes("language") ? values.language : req.requestedLanguage === lang ? lang : null;
  return redirectOutcome(`${url}?done=${notice}${next ? `&lang=${next}` : ""}`, next ?? undefined);
}

async function confirmFrame(db: Db, participantId: string, req: RequestInfo): Promise<PageFrame | null> {
  const info = await findParticipantMailInfo(db, participantId);
  return info ? pageOf(info, req.requestedLanguage) : null;
}

/** GET /d/c/<token>: asks to confirm (changes nothing: mail scanners follow links). */
export async function showConfirmContact(db: Db, token: string, url: string, req: RequestInfo): Promise<Outcome> {
  const live = await findLiveContactToken(db, hashToken(token), req.now);
  const frame = live ? await confirmFrame(db, live.participantId, req) : null;
  if (!live || !frame) return unknownDetailsLink(req);
  return htmlOutcome(confirmContactPage("ask", { ...frame, actionUrl: withLang(url, frame.language, req) }));
}

/** POST /d/c/<token>: confirms the address for the participant the link was issued to; once. */
export async function postConfirmContact(db: Db, token: string, req: RequestInfo): Promise<Outcome> {
  const done = await confirmContactPoint(db, token, req.now);
  const frame = done ? await confirmFrame(db, done.participantId, req) : null;
  if (!done || !frame) return unknownDetailsLink(req);
  return htmlOutcome(confirmContactPage("done", frame));
}
