// Resolving a /s/<token> link: an invitation (a person exists), an open-link start token (nobody is
// stored until the first page is saved), or a calm status page; and the language to speak.
import type { Db } from "../../db/client";
import { findInvitationContext, type InvitationContext } from "../../db/queries/invitations";
import { findOpenLinkWave } from "../../db/queries/waves";
import type { StoredResponse } from "../../db/queries/responses";
import { hashToken, verifyStartToken } from "../crypto/tokens";
import { chooseLanguage } from "../i18n/choose-language";
import { toDate } from "../../db/queries/raw";
import { RESPONDENT_LANGUAGES, isRespondentLanguage, pickLanguage } from "../i18n/respondent-messages";
import { studyTimeZone } from "../i18n/study-time-zone";
import { studyText } from "../studies/study-text";
import type { StudyTexts } from "../../db/schema/studies";
import type { SurveyDefinition } from "../surveys/definition";
import { loadDefinition } from "./definition";
import { enhanceScriptUrl } from "./enhance-script";
import { erasedLinkOutcome } from "./erased-link";
import { linkStatus, waveAvailability } from "./link-state";
import { htmlOutcome, type Outcome } from "./outcome";
import { statusPage } from "./render/status-page";

export type RequestInfo = {
  now: Date;
  acceptLanguage: string | null;
  /** An explicit choice: ?lang=, or the cookie that an earlier explicit choice set. */
  requestedLanguage?: string | null;
  /** The client's address (lib/http/client-ip.ts), for per-client limits; null when unknown. */
  client?: string | null;
};

export type OpenLinkWave = NonNullable<Awaited<ReturnType<typeof findOpenLinkWave>>>;

export type Loaded =
  | { kind: "invitation"; ctx: InvitationContext; def: SurveyDefinition; response: StoredResponse | null }
  | { kind: "start"; wave: OpenLinkWave; def: SurveyDefinition; response: null };

/** `ctx` is given for a completed response, for the completion page's "what happens next". */
export type Unavailable = { unavailable: Outcome; completed: boolean; lang: string; ctx?: InvitationContext };

/** The language of a page that belongs to no known link. */
export function statusLanguage(req: RequestInfo): string {
  if (req.requestedLanguage && isRespondentLanguage(req.requestedLanguage)) return req.requestedLanguage;
  return pickLanguage(req.acceptLanguage, [...RESPONDENT_LANGUAGES], "uk");
}

/** The language cookie is set only by an explicit choice: when that choice is what was shown. */
export const remembered = (lang: string, req: RequestInfo) => (req.requestedLanguage === lang ? lang : undefined);

/**
 * The language of a link's pages: explicit choice > the language the person last answered in (any
 * wave) or set on My details, whichever is newer > their recorded contact language > Accept-Language > the study default.
 */
export function linkLanguage(l: Loaded, req: RequestInfo): string {
  const offered = l.def.languages;
  const study = l.kind === "invitation" ? l.ctx.defaultLanguage : l.wave.defaultLanguage;
  return chooseLanguage({
    offered,
    explicit: req.requestedLanguage,
    lastAnswered: l.kind === "invitation" ? l.ctx.lastAnsweredLanguage : null,
    lastAnsweredAt: l.kind === "invitation" ? toDate(l.ctx.lastAnsweredAt) : null,
    chosen: l.kind === "invitation" ? l.ctx.chosenLanguage : null,
    chosenAt: l.kind === "invitation" ? toDate(l.ctx.chosenLanguageAt) : null,
    recorded: l.kind === "invitation" ? l.ctx.recordedLanguage : null,
    acceptLanguage: req.acceptLanguage,
    fallback: offered.includes(study) ? study : l.def.defaultLanguage,
  });
}

/** The study's row as studyText reads it (the respondent queries select these columns). */
export type StudyTextColumns = { studyName: string; defaultLanguage: string; contactName: string | null; contactEmail: string | null; studyTexts?: Record<string, StudyTexts> | null };

/** The study's name and contact in the page's language (studyText: the default language's where missing). */
export const studyTextOf = (c: StudyTextColumns, lang: string) =>
  studyText({ name: c.studyName, defaultLanguage: c.defaultLanguage, contactName: c.contactName, contactEmail: c.contactEmail, texts: c.studyTexts }, lang);

/** The contact person a page's footer names, in the page's language (null without both name and address). */
export const contactOf = (c: StudyTextColumns, lang: string) => {
  const t = studyTextOf(c, lang);
  return t.contactName && t.contactEmail ? { name: t.contactName, email: t.contactEmail } : null;
};

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

function unknown(req: RequestInfo): Unavailable {
  const lang = statusLanguage(req);
  return { unavailable: htmlOutcome(statusPage("unknown", lang, { script: enhanceScriptUrl() }), 404), completed: false, lang };
}

/** Resolves a token; status pages carry the script that clears the link's drafts on the device. */
export async function loadLink(db: Db, key: Buffer, token: string, req: RequestInfo): Promise<Loaded | Unavailable> {
  if (!TOKEN.test(token)) return unknown(req);
  const ctx = await findInvitationContext(db, hashToken(token));
  if (!ctx) {
    const gone = verifyStartToken(key, token) ? null : await erasedLinkOutcome(db, token, statusLanguage(req));
    return gone ? { unavailable: gone, completed: false, lang: statusLanguage(req) } : loadStart(db, key, token, req);
  }
  const def = await loadDefinition(db, ctx.instrumentVersionId);
  // The response comes with the link in one query (left join): one round trip per page view.
  const response = ctx.response?.id ? (ctx.response as StoredResponse) : null;
  const loaded: Loaded = { kind: "invitation", ctx, def, response };
  const status = response?.status === "completed" ? "completed" : linkStatus(ctx, req.now);
  if (!status) return loaded;
  const lang = linkLanguage(loaded, req);
  const page = statusPage(status, lang, { opensAt: ctx.opensAt, timeZone: studyTimeZone(ctx.studySettings), contact: contactOf(ctx, lang), script: enhanceScriptUrl(), languages: def.languages });
  return { unavailable: htmlOutcome(page, status === "completed" ? 200 : 403, remembered(lang, req)), completed: status === "completed", lang, ctx: status === "completed" ? ctx : undefined };
}

async function loadStart(db: Db, key: Buffer, token: string, req: RequestInfo): Promise<Loaded | Unavailable> {
  const waveId = verifyStartToken(key, token);
  const wave = waveId ? await findOpenLinkWave(db, waveId) : null;
  if (!wave) return unknown(req);
  const loaded: Loaded = { kind: "start", wave, def: await loadDefinition(db, wave.instrumentVersionId), response: null };
  const a = waveAvailability(wave, req.now);
  if (a === "open") return loaded;
  const lang = linkLanguage(loaded, req);
  const page = statusPage(a, lang, { opensAt: wave.opensAt, timeZone: studyTimeZone(wave.studySettings), contact: contactOf(wave, lang), script: enhanceScriptUrl(), languages: loaded.def.languages });
  return { unavailable: htmlOutcome(page, 403, remembered(lang, req)), completed: false, lang };
}
