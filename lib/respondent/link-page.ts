// Rendering a link's survey page and deciding what a posted page does: shared by the personal
// link and the first save of an open-link start.
import { randomBytes } from "node:crypto";
import { MESSAGES, isRespondentLanguage } from "../i18n/respondent-messages";
import { studyTimeZone } from "../i18n/study-time-zone";
import type { Answers } from "../surveys/answers";
import type { FlowState } from "../surveys/state";
import { evaluateFlow, firstPage, nextPage, previousPage, pruneHidden, validatePage } from "../surveys/flow";
import { waveDefinitionUrl } from "./definition-file";
import { enhanceScriptUrl } from "./enhance-script";
import type { ParsedPost } from "./form-submission";
import { contactOf, linkLanguage, type Loaded, type RequestInfo } from "./load-link";
import { htmlOutcome, type Outcome } from "./outcome";
import { newlyRevealed, pageWithReveals } from "./page-with-reveals";
import { openPendingContact } from "./pending-contact";
import { statusPage } from "./render/status-page";
import { surveyPage } from "./render/survey-page";
import { repeatRender } from "./repeat-view";
import { repeatPage } from "../surveys/repeats";

/** The study's zone, for today() and now() in the link's expressions. */
export const linkTimeZone = (l: Loaded) => studyTimeZone(l.kind === "invitation" ? l.ctx.studySettings : l.wave.studySettings);

/** The stored answers with the email answers waiting for completion (decrypted) put back. */
export function knownAnswers(key: Buffer, response: Loaded["response"]): Answers {
  return { ...((response?.answers ?? {}) as Answers), ...openPendingContact(key, response?.pendingContactEncrypted) };
}

export function renderPage(
  l: Loaded,
  token: string,
  lang: string,
  pageId: string | null,
  answers: Answers,
  opts: {
    errors?: Record<string, string>; raw?: Record<string, string>; status?: number; notice?: string; now: Date; remember?: string;
    /** On a repeat page: the entry whose questions to show (its state when re-shown with errors). */
    entry?: { id: string; state?: FlowState };
  },
): Outcome {
  const preload = (l.kind === "invitation" ? l.ctx.preload : {}) as Answers;
  const timeZone = linkTimeZone(l);
  const state = evaluateFlow(l.def, answers, preload, opts.now, { timeZone });
  const visible = pageId && state.visiblePages.includes(pageId) ? pageId : firstPage(l.def, state);
  if (!visible) return htmlOutcome(statusPage("closed", lang), 500);
  const rp = repeatPage(l.def, visible);
  const r = rp ? repeatRender(l.def, rp, state, lang, opts.entry) : null;
  const { view, conditional } = r ?? pageWithReveals(l.def, state, visible, lang);
  const client = r?.state ?? state;
  const html = surveyPage({
    view,
    conditional,
    lang,
    languages: l.def.languages,
    action: `/s/${token}`,
    revision: l.response?.revision ?? 0,
    submitKey: randomBytes(12).toString("base64url"),
    errors: opts.errors ?? {},
    rawValues: opts.raw,
    contact: contactOf(l.kind === "invitation" ? l.ctx : l.wave, lang),
    // Before its first saved page an open-link start has nobody to withdraw: closing the page is enough.
    withdrawUrl: l.kind === "invitation" ? `/s/${token}/withdraw` : undefined,
    notice: opts.notice,
    script: enhanceScriptUrl(),
    minutesLeft: minutesLeft(state, visible),
    clientData: { definitionUrl: waveDefinitionUrl(l.kind === "invitation" ? l.ctx.instrumentVersionId : l.wave.instrumentVersionId, l.def), preload, answers: client.answers, page: visible, lang, now: opts.now.toISOString(), timeZone, ...(client.entry ? { entry: client.entry } : {}) },
    ...(r ? { repeat: r.repeat } : {}),
  });
  return htmlOutcome(html, opts.status ?? 200, opts.remember);
}

// About 20 seconds a question, from the usual pace of a phone survey; a rough guide, never a count.
const SECONDS_PER_QUESTION = 20;

/** Estimated minutes to answer this page and the visible pages after it (at least 1). */
export function minutesLeft(state: FlowState, pageId: string): number {
  const from = Math.max(0, state.visiblePages.indexOf(pageId));
  let questions = 0;
  for (const p of state.visiblePages.slice(from)) questions += state.visibleQuestions[p]?.length ?? 0;
  return Math.max(1, Math.ceil((questions * SECONDS_PER_QUESTION) / 60));
}

/** What a posted page does to the answers, decided by the engine (no writes). */
export function evaluatePost(key: Buffer, l: Loaded, post: ParsedPost, req: RequestInfo) {
  const preload = (l.kind === "invitation" ? l.ctx.preload : {}) as Answers;
  let lang = linkLanguage(l, { ...req, requestedLanguage: post.lang });
  const timeZone = linkTimeZone(l);
  const before = evaluateFlow(l.def, knownAnswers(key, l.response), preload, req.now, { timeZone });
  const shown = before.visiblePages.includes(post.pageId);
  const v = validatePage(l.def, post.pageId, post.submission, before, lang);
  const pruned = pruneHidden(l.def, v.state.answers, preload, req.now, { timeZone }).answers;
  const after = evaluateFlow(l.def, pruned, preload, req.now, { timeZone });
  let target: string | null = post.pageId;
  const switched = post.action.kind === "lang" && l.def.languages.includes(post.action.lang);
  if (post.action.kind === "lang" && switched) lang = post.action.lang;
  if (post.action.kind === "back") target = previousPage(l.def, after, post.pageId) ?? post.pageId;
  // A question this page's answers revealed (scripts off) is shown before moving on.
  if (post.action.kind === "next" && v.ok) {
    target = newlyRevealed(l.def, before, after, post.pageId).length ? post.pageId : nextPage(l.def, after, post.pageId);
  }
  return { lang, switched, shown, v, pruned, target };
}

/**
 * The page again, nothing saved, when it cannot be saved as posted: text that cannot be stored
 * is refused at its field whichever button was pressed, and invalid answers on Next. Else null.
 */
export function refusePage(l: Loaded, token: string, post: ParsedPost, e: ReturnType<typeof evaluatePost>, now: Date): Outcome | null {
  const invalid = post.action.kind === "next" && !e.v.ok;
  if (!post.unsafe.length && !invalid) return null;
  const m = MESSAGES[isRespondentLanguage(e.lang) ? e.lang : "en"];
  const errors = { ...(invalid ? e.v.errors : {}), ...Object.fromEntries(post.unsafe.map((k) => [k, m.unsafeText])) };
  // A month or date field ("<name>:month") is shown again as typed when its question has the error.
  const raw = Object.fromEntries(Object.entries(post.raw).filter(([k]) => k in errors || k.replace(/:(day|month|year|hour|minute)$/, "") in errors));
  return renderPage(l, token, e.lang, post.pageId, e.v.state.answers, { errors, raw, status: 422, now });
}
