// The respondent's personal link /s/<token>: show the current page, accept a page's answers.
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import {
  ensureResponse,
  findInvitationContext,
  findResponse,
  saveResponseIfRevision,
  setInvitationProgress,
  type InvitationContext,
  type StoredResponse,
} from "../../db/queries/respondent";
import type { Config } from "../config/load-config";
import { hashToken } from "../crypto/tokens";
import { MESSAGES, RESPONDENT_LANGUAGES, isRespondentLanguage, pickLanguage } from "../i18n/respondent-messages";
import type { Answers } from "../surveys/answers";
import type { SurveyDefinition } from "../surveys/definition";
import { evaluateFlow, firstPage, nextPage, previousPage, pruneHidden, validatePage } from "../surveys/flow";
import { loadStoredDefinition } from "../surveys/load-stored-definition";
import { completeResponse } from "./complete-response";
import { parseSurveyPost, surveyPostLimit } from "./form-submission";
import { newlyRevealed, pageWithReveals } from "./page-with-reveals";
import { linkStatus } from "./link-state";
import { htmlOutcome, redirectOutcome, type Outcome } from "./outcome";
import { readFormSource, refusedPost, type FormSource } from "./read-form";
import { enhanceScriptUrl } from "./enhance-script";
import { statusPage } from "./render/status-page";
import { surveyPage } from "./render/survey-page";
import { stripContactAnswers } from "./strip-contact-answers";

export type RequestInfo = {
  now: Date;
  acceptLanguage: string | null;
  /** ?lang= or the remembered language cookie. */
  requestedLanguage?: string | null;
};

const TIME_ZONE = "Europe/Oslo";

function chooseLanguage(def: SurveyDefinition, response: StoredResponse | null, req: RequestInfo, ctx: InvitationContext): string {
  const offered = def.languages;
  if (req.requestedLanguage && offered.includes(req.requestedLanguage)) return req.requestedLanguage;
  if (response && offered.includes(response.language)) return response.language;
  return pickLanguage(req.acceptLanguage, offered, offered.includes(ctx.defaultLanguage) ? ctx.defaultLanguage : def.defaultLanguage);
}

function statusLanguage(req: RequestInfo): string {
  if (req.requestedLanguage && isRespondentLanguage(req.requestedLanguage)) return req.requestedLanguage;
  return pickLanguage(req.acceptLanguage, [...RESPONDENT_LANGUAGES], "uk");
}

const contactOf = (ctx: InvitationContext) =>
  ctx.contactName && ctx.contactEmail ? { name: ctx.contactName, email: ctx.contactEmail } : null;

type Loaded = { ctx: InvitationContext; def: SurveyDefinition; response: StoredResponse | null };
type Unavailable = { unavailable: Outcome; completed: boolean; lang: string };

async function load(db: Db, token: string, req: RequestInfo): Promise<Loaded | Unavailable> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) {
    const lang = statusLanguage(req);
    return { unavailable: htmlOutcome(statusPage("unknown", lang), 404), completed: false, lang };
  }
  const ctx = await findInvitationContext(db, hashToken(token));
  if (!ctx) {
    const lang = statusLanguage(req);
    return { unavailable: htmlOutcome(statusPage("unknown", lang), 404), completed: false, lang };
  }
  const def = loadStoredDefinition(ctx.instrumentVersionId, ctx.definition);
  // The response comes with the link in one query (left join): one round trip per page view.
  const response = ctx.response?.id ? (ctx.response as StoredResponse) : null;
  const status = response?.status === "completed" ? "completed" : linkStatus(ctx, req.now);
  if (status) {
    const lang = chooseLanguage(def, response, req, ctx);
    const page = statusPage(status, lang, { opensAt: ctx.opensAt, contact: contactOf(ctx) });
    return { unavailable: htmlOutcome(page, status === "completed" ? 200 : 403, lang), completed: status === "completed", lang };
  }
  return { ctx, def, response };
}

function renderPage(
  l: Loaded,
  token: string,
  lang: string,
  pageId: string | null,
  answers: Answers,
  opts: { errors?: Record<string, string>; raw?: Record<string, string>; status?: number; notice?: string; now: Date },
): Outcome {
  const state = evaluateFlow(l.def, answers, l.ctx.preload as Answers, opts.now, { timeZone: TIME_ZONE });
  const visible = pageId && state.visiblePages.includes(pageId) ? pageId : firstPage(l.def, state);
  if (!visible) return htmlOutcome(statusPage("closed", lang), 500);
  const { view, conditional } = pageWithReveals(l.def, state, visible, lang);
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
    contact: contactOf(l.ctx),
    withdrawUrl: `/s/${token}/withdraw`,
    notice: opts.notice,
    script: enhanceScriptUrl(),
    clientData: { definition: l.def, preload: l.ctx.preload, answers: state.answers, page: visible, lang, now: opts.now.toISOString(), timeZone: TIME_ZONE },
  });
  return htmlOutcome(html, opts.status ?? 200, lang);
}

/** GET /s/<token>: the page where the respondent stopped (or a calm status page). */
export async function showPersonalLink(db: Db, token: string, req: RequestInfo, opts: { done?: boolean } = {}): Promise<Outcome> {
  const l = await load(db, token, req);
  if ("unavailable" in l) {
    return opts.done && l.completed ? htmlOutcome(statusPage("thanks", l.lang), 200, l.lang) : l.unavailable;
  }
  if (l.ctx.invitationStatus === "pending" || l.ctx.invitationStatus === "sent") {
    await setInvitationProgress(db, l.ctx.invitationId, "opened", req.now);
  }
  const lang = chooseLanguage(l.def, l.response, req, l.ctx);
  return renderPage(l, token, lang, l.response?.currentPage ?? null, (l.response?.answers ?? {}) as Answers, { now: req.now });
}

/**
 * POST /s/<token>: validates and saves one page. Idempotent per submit key (a double tap or a
 * retried post is applied once); a stale revision (another tab saved first) is refused with a
 * plain explanation and nothing is overwritten. The form is read only once the link is known to
 * be open, and no more of it than the survey's longest page can weigh (surveyPostLimit).
 */
export async function submitPersonalLink(db: Db, config: Config, token: string, form: FormSource, req: RequestInfo): Promise<Outcome> {
  const l = await load(db, token, req);
  if ("unavailable" in l) return l.unavailable;
  const read = await readFormSource(form, surveyPostLimit(l.def));
  if (!read.ok) return refusedPost(read.refusal, chooseLanguage(l.def, l.response, req, l.ctx), `/s/${token}`);
  const post = parseSurveyPost(l.def, read.entries);
  if (!post) return redirectOutcome(`/s/${token}`);
  const { response } = l;
  if (response && response.lastSubmitKey === post.submitKey) return redirectOutcome(`/s/${token}`);
  let lang = chooseLanguage(l.def, response, { ...req, requestedLanguage: post.lang }, l.ctx);
  if ((response?.revision ?? 0) !== post.revision) return conflict(db, l, token, lang, req.now);

  const preload = l.ctx.preload as Answers;
  const before = evaluateFlow(l.def, (response?.answers ?? {}) as Answers, preload, req.now, { timeZone: TIME_ZONE });
  if (!before.visiblePages.includes(post.pageId)) return redirectOutcome(`/s/${token}`);
  const v = validatePage(l.def, post.pageId, post.submission, before, lang);
  const pruned = pruneHidden(l.def, v.state.answers, preload, req.now, { timeZone: TIME_ZONE }).answers;
  const after = evaluateFlow(l.def, pruned, preload, req.now, { timeZone: TIME_ZONE });

  let target: string | null = post.pageId;
  if (post.action.kind === "lang" && l.def.languages.includes(post.action.lang)) lang = post.action.lang;
  if (post.action.kind === "back") target = previousPage(l.def, after, post.pageId) ?? post.pageId;
  // Text that cannot be stored is refused at its field whichever button was pressed: nothing is saved.
  const unsafe = Object.fromEntries(post.unsafe.map((k) => [k, MESSAGES[isRespondentLanguage(lang) ? lang : "en"].unsafeText]));
  if (post.unsafe.length || (post.action.kind === "next" && !v.ok)) {
    const errors = { ...(post.action.kind === "next" ? v.errors : {}), ...unsafe };
    const raw = Object.fromEntries(Object.entries(post.raw).filter(([k]) => k in errors));
    return renderPage(l, token, lang, post.pageId, v.state.answers, { errors, raw, status: 422, now: req.now });
  }
  if (post.action.kind === "next") {
    // A question this page's answers revealed (scripts off) is shown before moving on.
    target = newlyRevealed(l.def, before, after, post.pageId).length ? post.pageId : nextPage(l.def, after, post.pageId);
  }
  // Contact details never rest in the answers: they go to contacts when the survey completes.
  const stored = stripContactAnswers(l.def, pruned);
  const row = response ?? (await ensureResponse(db, {
    waveId: l.ctx.waveId, studyId: l.ctx.studyId, participantId: l.ctx.participantId,
    invitationId: l.ctx.invitationId, language: lang, currentPage: post.pageId,
  }));
  if (row.revision !== post.revision) return conflict(db, l, token, lang, req.now);

  if (target === null) {
    const ok = await completeResponse(db, config, { ctx: l.ctx, def: l.def, response: row, answers: pruned, stored, lang, submitKey: post.submitKey, now: req.now });
    if (!ok) return conflict(db, l, token, lang, req.now);
    return redirectOutcome(`/s/${token}?done=1`, lang);
  }
  const saved = await saveResponseIfRevision(db, {
    id: row.id, expectedRevision: row.revision, answers: stored as Record<string, unknown>, currentPage: target,
    language: lang, submitKey: post.submitKey, completed: false, now: req.now,
  });
  if (!saved) return conflict(db, l, token, lang, req.now);
  if (!["started", "completed"].includes(l.ctx.invitationStatus)) {
    await setInvitationProgress(db, l.ctx.invitationId, "started", req.now);
  }
  return redirectOutcome(`/s/${token}`, lang);
}

/** Another tab or device saved first: show what is saved now, and say so plainly. */
async function conflict(db: Db, l: Loaded, token: string, lang: string, now: Date): Promise<Outcome> {
  const m = MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const fresh = await findResponse(db, l.ctx.waveId, l.ctx.participantId);
  if (fresh?.status === "completed") return redirectOutcome(`/s/${token}`);
  const current = { ...l, response: fresh };
  return renderPage(current, token, lang, fresh?.currentPage ?? null, (fresh?.answers ?? {}) as Answers, {
    status: 409,
    notice: `${m.conflictTitle}. ${m.conflictBody}`,
    now,
  });
}
