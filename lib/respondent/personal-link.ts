// The respondent's personal link /s/<token>: show the current page, accept a page's answers.
import type { Db } from "../../db/client";
import { findResponse, savePage } from "../../db/queries/responses";
import { setInvitationProgress } from "../../db/queries/invitations";
import type { Config } from "../config/load-config";
import { MESSAGES, isRespondentLanguage } from "../i18n/respondent-messages";
import { enhanceScriptUrl } from "./enhance-script";
import { parseSurveyPost, surveyPostLimit } from "./form-submission";
import { evaluatePost, knownAnswers, refusePage, renderPage } from "./link-page";
import { linkLanguage, loadLink, remembered, type Loaded, type RequestInfo } from "./load-link";
import { saveFirstPageOfStart } from "./open-link-first-save";
import { htmlOutcome, redirectOutcome, type Outcome } from "./outcome";
import { contactAnswers, sealPendingContact } from "./pending-contact";
import { readFormSource, refusedPost, type FormSource } from "./read-form";
import { statusPage } from "./render/status-page";
import { pageUrl, reachablePage, sendAnswers, showCompletion, showSendStep } from "./send-answers";
import { stripContactAnswers } from "./strip-contact-answers";
import { submitRepeatPage } from "./repeat-page";
import { ENTRY_ID, repeatPage } from "../surveys/repeats";

export type { RequestInfo };

/** GET /s/<token>: the page where the respondent stopped (or a calm status page). */
export async function showPersonalLink(
  db: Db, config: Config, token: string, req: RequestInfo,
  opts: { done?: boolean; step?: string | null; page?: string | null; entry?: string | null } = {},
): Promise<Outcome> {
  const l = await loadLink(db, config.personalDataKey, token, req);
  if ("unavailable" in l) {
    if (!opts.done || !l.completed) return l.unavailable;
    return l.ctx ? showCompletion(db, l.ctx, l.lang, req.now, config.personalDataKey) : htmlOutcome(statusPage("thanks", l.lang, { script: enhanceScriptUrl() }), 200);
  }
  if (l.kind === "invitation" && (l.ctx.invitationStatus === "pending" || l.ctx.invitationStatus === "sent")) {
    await setInvitationProgress(db, l.ctx.invitationId, "opened", req.now);
  }
  const lang = linkLanguage(l, req);
  if (opts.step === "send" && l.kind === "invitation") {
    const send = showSendStep(l, config.personalDataKey, token, req, remembered(lang, req));
    if (send) return send;
  }
  const answers = knownAnswers(config.personalDataKey, l.response);
  const pageId = reachablePage(l, config.personalDataKey, opts.page ?? null, lang, req.now);
  // ?entry= shows one entry of a repeat page (a new id: an empty one); only on the page asked for.
  const entry = opts.entry && ENTRY_ID.test(opts.entry) && pageId === opts.page ? { id: opts.entry } : undefined;
  return renderPage(l, token, lang, pageId, answers, { now: req.now, remember: remembered(lang, req), entry });
}

/**
 * POST /s/<token>: validates and saves one page. Idempotent per submit key (a double tap or a
 * retried post is applied once); a stale revision (another tab saved first) is refused with a
 * plain explanation and nothing is overwritten. The form is read only once the link is known to
 * be open, and no more of it than the survey's longest page can weigh (surveyPostLimit). An
 * open-link start token is turned into a participant by its first saved page
 * (open-link-first-save.ts), then saved like any link.
 */
export async function submitPersonalLink(db: Db, config: Config, token: string, form: FormSource, req: RequestInfo): Promise<Outcome> {
  const key = config.personalDataKey;
  let l = await loadLink(db, key, token, req);
  if ("unavailable" in l) return l.unavailable;
  const read = await readFormSource(form, surveyPostLimit(l.def));
  if (!read.ok) return refusedPost(read.refusal, linkLanguage(l, req), `/s/${token}`);
  const post = parseSurveyPost(l.def, read.entries);
  if (!post) return redirectOutcome(`/s/${token}`);
  if (l.kind === "start") {
    const first = await saveFirstPageOfStart(db, config, token, l, post, req);
    if (first) return first;
    l = await loadLink(db, key, token, req);
    if ("unavailable" in l) return l.unavailable;
    if (l.kind !== "invitation") throw new Error("an open-link start was claimed but its invitation is missing");
  }
  const { ctx, response } = l;
  if (response && response.lastSubmitKey === post.submitKey) return redirectOutcome(`/s/${token}`);
  if (post.action.kind === "send") return sendAnswers(db, config, l, token, post, req);
  if (repeatPage(l.def, post.pageId)) {
    const lang = linkLanguage(l, { ...req, requestedLanguage: post.lang });
    if ((response?.revision ?? 0) !== post.revision) return conflict(db, key, l, token, lang, post.submitKey, req.now);
    return submitRepeatPage(db, config, l, token, post, req);
  }
  const e = evaluatePost(key, l, post, req);
  const setLang = e.switched ? e.lang : undefined;
  if ((response?.revision ?? 0) !== post.revision) return conflict(db, key, l, token, e.lang, post.submitKey, req.now);
  if (!e.shown) return redirectOutcome(`/s/${token}`);
  const refused = refusePage(l, token, post, e, req.now);
  if (refused) return refused;
  // Contact details never rest in the answers: an email waits encrypted on the response row and
  // goes to contacts when the survey completes (cleared when the respondent clears or hides it).
  const stored = stripContactAnswers(l.def, e.pruned);
  // Next on the last page saves it and leads to the send step; only "Send my answers" completes.
  // One statement: the first page creates the row with its answers, a later one saves at the
  // revision shown; the invitation becomes "started" with it.
  const toSend = e.target === null;
  const saved = await savePage(db, {
    ...(response ? { id: response.id, expectedRevision: response.revision } : { create: { waveId: ctx.waveId, studyId: ctx.studyId, participantId: ctx.participantId } }),
    invitationId: ctx.invitationId, progress: "started",
    answers: stored as Record<string, unknown>, currentPage: e.target ?? post.pageId,
    language: e.lang, submitKey: post.submitKey, completed: false, pendingContact: sealPendingContact(key, contactAnswers(l.def, e.pruned)), now: req.now,
  });
  if (!saved) return conflict(db, key, l, token, e.lang, post.submitKey, req.now);
  return redirectOutcome(toSend ? `/s/${token}?step=send` : pageUrl(token, e.target ?? post.pageId), setLang);
}

/**
 * Another tab or device saved first: show what is saved now, and say so plainly. A twin of this
 * very submit (same key) that won the race is not a conflict: its result is shown.
 */
async function conflict(db: Db, key: Buffer, l: Loaded, token: string, lang: string, submitKey: string, now: Date): Promise<Outcome> {
  if (l.kind !== "invitation") return redirectOutcome(`/s/${token}`);
  const m = MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const fresh = await findResponse(db, l.ctx.waveId, l.ctx.participantId);
  if (fresh?.status === "completed" || fresh?.lastSubmitKey === submitKey) return redirectOutcome(`/s/${token}`);
  const current: Loaded = { ...l, response: fresh };
  return renderPage(current, token, lang, fresh?.currentPage ?? null, knownAnswers(key, fresh), {
    status: 409,
    notice: `${m.conflictTitle}. ${m.conflictBody}`,
    now,
  });
}
