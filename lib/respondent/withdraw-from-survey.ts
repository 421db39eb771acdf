// /s/<token>/withdraw: a respondent leaves the study from inside the survey.
import type { Db } from "../../db/client";
import { findInvitationContext } from "../../db/queries/invitations";
import { hashToken } from "../crypto/tokens";
import { chooseLanguage } from "../i18n/choose-language";
import { FINISH_MESSAGES, MESSAGES, RESPONDENT_LANGUAGES, isRespondentLanguage } from "../i18n/respondent-messages";
import { requestAnswerErasure } from "../panel/request-answer-erasure";
import { optOutOfEmail, withdrawParticipant } from "../panel/withdraw-participant";
import { enhanceScriptUrl } from "./enhance-script";
import { htmlOutcome, type Outcome } from "./outcome";
import { FORM_LIMIT, readFormSource, refusedPost, type FormSource } from "./read-form";
import { html } from "./render/html";
import { shell } from "./render/shell";
import { statusPage } from "./render/status-page";
import { remembered, statusLanguage, type RequestInfo } from "./load-link";

/**
 * The link's participant and the language (the same order as the survey pages). Only the
 * participant the link was made for is ever affected: an open-link respondent's link withdraws
 * that respondent, never a panel member whose address they typed.
 */
async function resolve(db: Db, token: string, req: RequestInfo) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { lang: statusLanguage(req), ctx: null };
  const ctx = await findInvitationContext(db, hashToken(token));
  if (!ctx) return { lang: statusLanguage(req), ctx: null };
  const lang = chooseLanguage({
    offered: RESPONDENT_LANGUAGES, explicit: req.requestedLanguage, lastAnswered: ctx.lastAnsweredLanguage,
    recorded: ctx.recordedLanguage, acceptLanguage: req.acceptLanguage, fallback: ctx.defaultLanguage,
  });
  return { lang, ctx };
}

/** GET: asks the respondent to confirm, saying plainly what leaving means. */
export async function showWithdraw(db: Db, token: string, req: RequestInfo): Promise<Outcome> {
  const { lang, ctx } = await resolve(db, token, req);
  if (!ctx) return htmlOutcome(statusPage("unknown", lang), 404);
  if (ctx.withdrawnAt) return htmlOutcome(statusPage("withdrawn", lang, { script: enhanceScriptUrl(), languages: ctx.languages }));
  const m = MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const f = FINISH_MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const action = `/s/${token}/withdraw`;
  // Leaving is the destructive action (red, GOV.UK's warning button); "back" and "only stop the
  // emails" are the gentler ways out, drawn as secondary buttons.
  const body = html`<h1>${m.withdrawTitle}</h1><p>${m.withdrawBody}</p>
<form method="post" action="${action}"><input type="hidden" name="action" value="withdraw">
<div class="choice"><input type="checkbox" id="delete-answers" name="delete_answers" value="yes"><label for="delete-answers">${f.deleteAnswers}</label></div>
<div class="nav"><button type="submit" class="warn">${m.withdrawConfirm}</button><a class="btn sec" href="/s/${token}">${m.back}</a></div></form>
<p class="alt">${f.stopEmailsBody}</p>
<form method="post" action="${action}"><input type="hidden" name="action" value="stop"><button type="submit" class="sec">${f.stopEmailsButton}</button></form>`;
  return htmlOutcome(shell({ lang, title: m.withdrawTitle, body, languages: ctx.languages }), 200, remembered(lang, req));
}

/**
 * POST: withdraws the participant (no more email, contact details erased); idempotent. The
 * confirmation form carries no fields, but it must be a form of at most 64 KB, read after the link.
 */
export async function confirmWithdraw(db: Db, token: string, req: RequestInfo, form: FormSource = []): Promise<Outcome> {
  const { lang, ctx } = await resolve(db, token, req);
  if (!ctx) return htmlOutcome(statusPage("unknown", lang), 404);
  const read = await readFormSource(form, FORM_LIMIT);
  if (!read.ok) return refusedPost(read.refusal, lang, `/s/${token}/withdraw`);
  const fields = new Map(read.entries);
  const m = MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const f = FINISH_MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const opts = { method: "survey" as const, waveId: ctx.waveId, now: req.now };
  if (fields.get("action") === "stop") {
    await optOutOfEmail(db, ctx.participantId, opts);
    const body = html`<h1 data-status="emails-stopped">${f.stoppedTitle}</h1><p>${f.stoppedBody}</p><p><a class="btn sec" href="/s/${token}">${m.backToSurvey}</a></p>`;
    return htmlOutcome(shell({ lang, title: f.stoppedTitle, body, languages: ctx.languages }));
  }
  await withdrawParticipant(db, ctx.participantId, opts);
  const erase = fields.get("delete_answers") === "yes";
  if (erase) await requestAnswerErasure(db, { studyId: ctx.studyId, participantId: ctx.participantId, waveId: ctx.waveId, language: lang, now: req.now });
  const body = html`<h1 data-status="withdrawn">${m.withdrawnTitle}</h1><p>${m.withdrawDone}</p>${erase ? html`<p data-erasure-requested>${f.deleteRequested}</p>` : ""}`;
  return htmlOutcome(shell({ lang, title: m.withdrawnTitle, body, script: enhanceScriptUrl(), languages: ctx.languages }));
}
