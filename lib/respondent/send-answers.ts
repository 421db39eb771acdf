// The end of a personal link: the send step (GET ?step=send), sending (POST _action=send) and the
// completion page (GET ?done=1). The last page's Next only saves and leads to the send step; the
// response is complete, and thanked, only once "Send my answers" has stored it.
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { findNextWaveOpening } from "../../db/queries/waves";
import type { InvitationContext } from "../../db/queries/invitations";
import type { Config } from "../config/load-config";
import { studyTimeZone } from "../i18n/study-time-zone";
import type { Answers } from "../surveys/answers";
import { evaluateFlow, nextPage } from "../surveys/flow";
import { pageView } from "../surveys/page-view";
import { repeatPage, repeatProblems } from "../surveys/repeats";
import type { FlowState } from "../surveys/state";
import { completeResponse } from "./complete-response";
import { enhanceScriptUrl } from "./enhance-script";
import type { ParsedPost } from "./form-submission";
import { knownAnswers, linkTimeZone } from "./link-page";
import { contactOf, linkLanguage, type Loaded, type RequestInfo } from "./load-link";
import { htmlOutcome, redirectOutcome, type Outcome } from "./outcome";
import { completionPage, sendStepPage } from "./render/finish-pages";
import { detailsToken } from "../mail/unsubscribe-token";
import { stripContactAnswers } from "./strip-contact-answers";

type Invitation = Extract<Loaded, { kind: "invitation" }>;

/** The URL of one page of the link (post/redirect/get: each page has its own history entry). */
export const pageUrl = (token: string, pageId: string) => `/s/${token}?p=${encodeURIComponent(pageId)}`;

function flowOf(l: Loaded, answers: Answers, now: Date): FlowState {
  return evaluateFlow(l.def, answers, (l.kind === "invitation" ? l.ctx.preload : {}) as Answers, now, { timeZone: linkTimeZone(l) });
}

/**
 * The page asked for in the URL (?p=, the browser's Back and Forward) when the respondent may be
 * there: a visible page up to where they stand, or later when every page before it is complete
 * (Forward after the in-page Back). Else the page where they stand.
 */
export function reachablePage(l: Loaded, key: Buffer, asked: string | null, lang: string, now: Date): string | null {
  const current = l.response?.currentPage ?? null;
  if (!asked || !current || asked === current) return current;
  const state = flowOf(l, knownAnswers(key, l.response), now);
  if (!state.visiblePages.includes(asked)) return current;
  const order = l.def.pages.map((p) => p.id);
  if (order.indexOf(asked) <= order.indexOf(current)) return asked;
  return firstIncompletePage(l, state, lang, asked) === null ? asked : current;
}

/**
 * The first visible page with a required question left unanswered, or null when every visible
 * page is complete. The send step is offered, and sending accepted, only when it is null.
 */
export function firstIncompletePage(l: Loaded, state: FlowState, lang: string, before?: string): string | null {
  for (const pageId of state.visiblePages) {
    if (pageId === before) return null;
    if (repeatPage(l.def, pageId)) {
      // A repeat is complete with the right number of entries, each complete.
      if (Object.keys(repeatProblems(l.def, pageId, state, lang, { timeZone: state.timeZone })).length) return pageId;
      continue;
    }
    const view = pageView(l.def, state, pageId, lang);
    const missing = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
    for (const q of view.questions) {
      if (q.type === "note" || q.readOnly || !q.required) continue;
      if (q.type === "matrix" ? (q.rows ?? []).some((r) => missing(r.value)) : missing(q.value)) return pageId;
    }
  }
  return null;
}

/** Where the respondent stands: at the send step (last page saved, nothing missing), or on a page. */
function sendStepState(l: Invitation, key: Buffer, lang: string, now: Date) {
  const answers = knownAnswers(key, l.response);
  const state = flowOf(l, answers, now);
  const current = l.response?.currentPage ?? null;
  const atLast = current !== null && state.visiblePages.includes(current) && nextPage(l.def, state, current) === null;
  const incomplete = atLast ? firstIncompletePage(l, state, lang) : null;
  return { answers, state, current, ready: atLast && incomplete === null, incomplete };
}

/** GET ?step=send: the send step, or the page the respondent still has to answer. */
export function showSendStep(l: Invitation, key: Buffer, token: string, req: RequestInfo, remember?: string): Outcome | null {
  const lang = linkLanguage(l, req);
  const s = sendStepState(l, key, lang, req.now);
  if (!s.ready || !s.current) return null;
  const pages = s.state.visiblePages.length;
  return htmlOutcome(
    sendStepPage({
      lang, action: `/s/${token}`, pageId: s.current, revision: l.response?.revision ?? 0, submitKey: randomBytes(12).toString("base64url"),
      backUrl: pageUrl(token, s.current), percent: Math.round((100 * pages) / (pages + 1)), script: enhanceScriptUrl(), languages: l.def.languages,
    }),
    200,
    remember,
  );
}

/**
 * POST _action=send: completes the response with the answers saved so far (in one transaction,
 * completeResponse). A stale or early send (another tab changed the answers, a page is missing)
 * goes back to where the respondent stands; nothing is lost.
 */
export async function sendAnswers(db: Db, config: Config, l: Invitation, token: string, post: ParsedPost, req: RequestInfo): Promise<Outcome> {
  const lang = linkLanguage(l, { ...req, requestedLanguage: post.lang });
  const response = l.response;
  if (!response || response.revision !== post.revision) return redirectOutcome(`/s/${token}`);
  const s = sendStepState(l, config.personalDataKey, lang, req.now);
  if (!s.ready) return redirectOutcome(s.incomplete ? pageUrl(token, s.incomplete) : `/s/${token}`);
  const ok = await completeResponse(db, config, {
    ctx: l.ctx, def: l.def, response, answers: s.answers, stored: stripContactAnswers(l.def, s.answers), lang, submitKey: post.submitKey, now: req.now,
  });
  return redirectOutcome(ok ? `/s/${token}?done=1` : `/s/${token}`);
}

/** GET ?done=1 once the response is complete: 100 %, thanks and what happens next. */
export async function showCompletion(db: Db, ctx: InvitationContext, lang: string, now: Date, key: Buffer): Promise<Outcome> {
  // Only a panel member is invited to later waves; an open-link respondent hears the general line.
  const nextWaveOpens = ctx.waveMode === "panel" ? await findNextWaveOpening(db, { studyId: ctx.studyId, participantId: ctx.participantId, now }) : null;
  return htmlOutcome(completionPage({ lang, timeZone: studyTimeZone(ctx.studySettings), nextWaveOpens, contact: contactOf(ctx, lang), detailsUrl: `/d/${detailsToken(key, ctx.participantId)}`, script: enhanceScriptUrl(), languages: ctx.languages }));
}
