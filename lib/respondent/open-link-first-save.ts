// The first saved page of an open-link start token: the moment a participant comes to exist.
import type { Db } from "../../db/client";
import { claimOpenLinkStart } from "../../db/queries/invitations";
import type { Config } from "../config/load-config";
import { hashToken, newParticipantCode } from "../crypto/tokens";
import { MESSAGES, isRespondentLanguage } from "../i18n/respondent-messages";
import type { ParsedPost } from "./form-submission";
import { evaluatePost, refusePage, renderPage } from "./link-page";
import type { Loaded, RequestInfo } from "./load-link";
import { checkOpenLinkLimit } from "./open-link-limits";
import { redirectOutcome, type Outcome } from "./outcome";

/**
 * Before anything is stored for a start token: a page that cannot be saved (invalid answers, a
 * stale form, Back, a language switch on an empty page) is answered without creating anyone, and
 * a client over its limit gets its page back with its answers and a 429. Otherwise the participant
 * and invitation are created (idempotent on the token's hash, so a double tap creates one) and
 * null is returned: the caller saves the page through the personal link as usual.
 */
export async function saveFirstPageOfStart(
  db: Db,
  config: Config,
  token: string,
  l: Extract<Loaded, { kind: "start" }>,
  post: ParsedPost,
  req: RequestInfo,
): Promise<Outcome | null> {
  if (post.revision !== 0) return redirectOutcome(`/s/${token}`);
  const e = evaluatePost(config.personalDataKey, l, post, req);
  if (!e.shown) return redirectOutcome(`/s/${token}`);
  const refused = refusePage(l, token, post, e, req.now);
  if (refused) return refused;
  const empty = Object.keys(e.pruned).length === 0;
  if (post.action.kind === "back" || (post.action.kind === "lang" && empty)) {
    return redirectOutcome(e.switched ? `/s/${token}?lang=${encodeURIComponent(e.lang)}` : `/s/${token}`, e.switched ? e.lang : undefined);
  }
  const verdict = await checkOpenLinkLimit(db, config.personalDataKey, "create", req.client, req.now);
  if (!verdict.ok) {
    const m = MESSAGES[isRespondentLanguage(e.lang) ? e.lang : "en"];
    const page = renderPage(l, token, e.lang, post.pageId, e.v.state.answers, { status: 429, notice: `${m.tooManyTitle}. ${m.tooManyBody}`, now: req.now });
    return { ...page, headers: { "retry-after": String(verdict.retryAfterSeconds) } };
  }
  await claimOpenLinkStart(db, { studyId: l.wave.studyId, waveId: l.wave.waveId, code: newParticipantCode(), tokenHash: hashToken(token), now: req.now });
  return null;
}
