// A repeat page of a personal link (a household roster, a residence history): the list of entries
// and one entry's questions, and what each of its buttons does. Every action is a plain post that
// saves (or not) and redirects, so it works with scripts off; the enhancement script validates an
// entry before it is sent.
import type { Db } from "../../db/client";
import { savePage } from "../../db/queries/responses";
import type { Config } from "../config/load-config";
import { type Answers, repeatEntries } from "../surveys/answers";
import type { SurveyDefinition } from "../surveys/definition";
import { evaluateFlow, nextPage, previousPage, pruneHidden } from "../surveys/flow";
import { entryBounds, entryState, newEntryId, removeEntry, repeatPage, repeatProblems, validateEntry } from "../surveys/repeats";
import { MESSAGES, isRespondentLanguage } from "../i18n/respondent-messages";
import type { ParsedPost } from "./form-submission";
import { knownAnswers, linkTimeZone, renderPage } from "./link-page";
import { linkLanguage, remembered, type Loaded, type RequestInfo } from "./load-link";
import { redirectOutcome, type Outcome } from "./outcome";
import { contactAnswers, sealPendingContact } from "./pending-contact";
import { entryUrl } from "./repeat-view";
import { stripContactAnswers } from "./strip-contact-answers";

type Invitation = Extract<Loaded, { kind: "invitation" }>;

const pageUrl = (token: string, pageId: string) => `/s/${token}?p=${encodeURIComponent(pageId)}`;

/**
 * POST on a repeat page: add (to a new entry's URL), edit (to the entry's URL), remove (saved),
 * an entry's Save (validated, then saved; its errors shown at the fields), Cancel, Next (the count
 * and every entry checked), Back and the language switch. The revision was checked by the caller.
 */
export async function submitRepeatPage(db: Db, config: Config, l: Invitation, token: string, post: ParsedPost, req: RequestInfo): Promise<Outcome> {
  const key = config.personalDataKey;
  const page = repeatPage(l.def, post.pageId)!;
  const pageId = page.page.id;
  const repeat = page.page.repeat!.name;
  const preload = l.ctx.preload as Answers;
  const timeZone = linkTimeZone(l);
  let lang = linkLanguage(l, { ...req, requestedLanguage: post.lang });
  const answers = knownAnswers(key, l.response);
  const state = evaluateFlow(l.def, answers, preload, req.now, { timeZone });
  if (!state.visiblePages.includes(pageId)) return redirectOutcome(`/s/${token}`);
  const entries = repeatEntries(answers, repeat, preload);
  const a = post.action;
  const save = (next: Answers, currentPage: string) => saveAnswers(db, key, l, post, next, currentPage, lang, req.now);

  if (a.kind === "lang" && l.def.languages.includes(a.lang)) {
    lang = a.lang;
    if (post.entry) {
      // The entry as typed, in the new language; nothing is saved until Save.
      const s = entryState(l.def, page, answers, preload, req.now, { timeZone }, post.entry).state;
      return renderPage(l, token, lang, pageId, answers, { now: req.now, raw: post.raw, entry: { id: post.entry, state: { ...s, answers: { ...s.answers, ...post.submission } as Answers } }, remember: remembered(lang, { ...req, requestedLanguage: lang }) });
    }
    return redirectOutcome(pageUrl(token, pageId), lang);
  }
  if (a.kind === "repeat" && a.op === "add") {
    if (entries.length >= entryBounds(l.def, page, state).max) return renderPage(l, token, lang, pageId, answers, { now: req.now, status: 422, errors: repeatProblems(l.def, pageId, { ...state, answers: { ...answers, [repeat]: [...entries, { id: "", answers: {} }] as never } }, lang) });
    return redirectOutcome(entryUrl(token, pageId, newEntryId()));
  }
  if (a.kind === "repeat" && a.op === "edit") return redirectOutcome(entries.some((e) => e.id === a.entry) ? entryUrl(token, pageId, a.entry) : pageUrl(token, pageId));
  if (a.kind === "repeat" && a.op === "remove") {
    if (!entries.some((e) => e.id === a.entry)) return redirectOutcome(pageUrl(token, pageId));
    return (await save(removeEntry(answers, repeat, a.entry, preload), pageId)) ? redirectOutcome(pageUrl(token, pageId)) : redirectOutcome(`/s/${token}`);
  }
  if (a.kind === "repeat" || a.kind === "back" && post.entry) return redirectOutcome(pageUrl(token, pageId));
  if (a.kind === "back") return redirectOutcome(pageUrl(token, previousPage(l.def, state, pageId) ?? pageId));
  if (a.kind !== "next") return redirectOutcome(pageUrl(token, pageId));

  if (post.entry) {
    // A new entry is stored only while there is room (the page offers none past max; a crafted post gets the list).
    if (!entries.some((e) => e.id === post.entry) && entries.length >= entryBounds(l.def, page, state).max) return redirectOutcome(pageUrl(token, pageId));
    const v = validateEntry(l.def, pageId, post.entry, post.submission, answers, preload, req.now, lang, { timeZone });
    if (!v.ok || post.unsafe.length) {
      const unsafe = MESSAGES[isRespondentLanguage(lang) ? lang : "en"].unsafeText;
      const errors = { ...v.errors, ...Object.fromEntries(post.unsafe.map((k) => [k, unsafe])) };
      return renderPage(l, token, lang, pageId, answers, { now: req.now, status: 422, errors, raw: post.raw, entry: { id: post.entry, state: v.state } });
    }
    return (await save(v.answers, pageId)) ? redirectOutcome(pageUrl(token, pageId)) : redirectOutcome(`/s/${token}`);
  }
  const problems = repeatProblems(l.def, pageId, state, lang, { timeZone });
  if (Object.keys(problems).length) return renderPage(l, token, lang, pageId, answers, { now: req.now, status: 422, errors: problems });
  const target = nextPage(l.def, state, pageId);
  if (!(await save(answers, target ?? pageId))) return redirectOutcome(`/s/${token}`);
  return redirectOutcome(target === null ? `/s/${token}?step=send` : pageUrl(token, target));
}

/** Saves the answers (hidden ones pruned, emails sealed apart) if nobody saved since the page was shown. */
async function saveAnswers(db: Db, key: Buffer, l: Invitation, post: ParsedPost, answers: Answers, currentPage: string, lang: string, now: Date): Promise<boolean> {
  const { ctx } = l;
  const pruned = pruneHidden(l.def, answers, ctx.preload as Answers, now, { timeZone: linkTimeZone(l) }).answers;
  if ((l.response?.revision ?? 0) !== post.revision) return false;
  const saved = await savePage(db, {
    ...(l.response ? { id: l.response.id, expectedRevision: l.response.revision } : { create: { waveId: ctx.waveId, studyId: ctx.studyId, participantId: ctx.participantId } }),
    invitationId: ctx.invitationId, progress: "started",
    answers: stripContactAnswers(l.def, pruned) as Record<string, unknown>, currentPage,
    language: lang, submitKey: post.submitKey, completed: false, pendingContact: sealPendingContact(key, contactAnswers(l.def, pruned)), now,
  });
  return saved;
}

