import { type Answers, type RepeatEntry, repeatEntries } from "./answers";
import type { Submission } from "./answers";
import { MAX_REPEAT_ENTRIES, type SurveyDefinition } from "./definition";
import { message } from "./messages";
import { getPlan, type PagePlan } from "./plan";
import { displayValue, pipe } from "./pipe";
import { pruneHidden } from "./prune-hidden";
import { type FlowOptions, type FlowState, evaluateFlow, scopeOf } from "./state";
import { textIn } from "./texts";
import { validatePage } from "./validate-page";
import { toNum } from "./expr/values";

/**
 * Repeats: a page whose questions are asked once per entry. Each entry is evaluated as an
 * ordinary page over the answers with the entry's own merged on top (so `${q}` reads the
 * sibling in the same entry first) and position(..) set; the page's validation, options and
 * piping then work unchanged. Pure, like the rest of the engine; the browser runs it too.
 */

/** A short random entry id (10 base-36 characters, about 51 bits): unique within a response. */
export function newEntryId(): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
}
export const ENTRY_ID = /^[a-z0-9]{6,32}$/;

/** The repeat page of `pageId`, or undefined when the page is an ordinary one. */
export function repeatPage(def: SurveyDefinition, pageId: string): PagePlan | undefined {
  const p = getPlan(def).pageById.get(pageId);
  return p?.page.repeat ? p : undefined;
}

/** The answers as one entry sees them: its own answers over everyone else's, and its number. */
export function entryState(
  def: SurveyDefinition, page: PagePlan, answers: Answers, preload: Answers, now: Date, options: FlowOptions, entryId: string,
): { state: FlowState; position: number; entry: RepeatEntry | undefined } {
  const repeat = page.page.repeat!.name;
  const entries = repeatEntries(answers, repeat, preload);
  const index = entries.findIndex((e) => e.id === entryId);
  const position = index >= 0 ? index + 1 : entries.length + 1;
  const entry = entries[index];
  const merged = { ...answers, ...(entry?.answers ?? {}) };
  return { state: evaluateFlow(def, merged, preload, now, { ...options, entry: { repeat, position } }), position, entry };
}

export interface EntryValidation {
  ok: boolean;
  errors: Record<string, string>;
  /** The answers with the entry saved in place (or added at the end); unchanged when not ok. */
  answers: Answers;
  /** The entry's state with the submission applied, to render the entry again. */
  state: FlowState;
}

/**
 * Validates a submitted entry (the whole entry, as validatePage treats a page) and returns the
 * answers with it stored: hidden questions' answers dropped, the entry keeping its id and place.
 */
export function validateEntry(
  def: SurveyDefinition, pageId: string, entryId: string, submitted: Submission, answers: Answers, preload: Answers,
  now: Date, lang: string, options: FlowOptions = {},
): EntryValidation {
  const page = repeatPage(def, pageId);
  if (!page) throw new Error(`Page "${pageId}" is not a repeat`);
  const repeat = page.page.repeat!.name;
  const { state } = entryState(def, page, answers, preload, now, options, entryId);
  const v = validatePage(def, pageId, submitted, state, lang);
  if (!v.ok) return { ok: false, errors: v.errors, answers, state: v.state };
  const pruned = pruneHidden(def, v.state.answers, preload, now, { ...options, ...(state.entry ? { entry: state.entry } : {}) }).answers;
  const own: RepeatEntry["answers"] = {};
  for (const qp of page.questions) {
    for (const name of qp.variables) {
      const value = pruned[name];
      if (value !== undefined && value !== null) own[name] = value;
    }
  }
  const entries = repeatEntries(answers, repeat, preload);
  const at = entries.findIndex((e) => e.id === entryId);
  const next = at >= 0 ? entries.map((e, i) => (i === at ? { id: entryId, answers: own } : e)) : [...entries, { id: entryId, answers: own }];
  return { ok: true, errors: {}, answers: { ...answers, [repeat]: next as never }, state: v.state };
}

/** The answers without entry `entryId` of the repeat (unchanged when there is none). */
export function removeEntry(answers: Answers, repeat: string, entryId: string, preload?: Answers): Answers {
  return { ...answers, [repeat]: repeatEntries(answers, repeat, preload).filter((e) => e.id !== entryId) as never };
}

/** How many entries the repeat must have, at least and at most, in this state. */
export function entryBounds(def: SurveyDefinition, page: PagePlan, state: FlowState): { min: number; max: number; exact: boolean } {
  const r = page.page.repeat!;
  if (page.repeatCount !== undefined) {
    const n = typeof page.repeatCount === "number" ? page.repeatCount : toNum(page.repeatCount.evaluate(scopeOf(def, state)));
    const count = Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), MAX_REPEAT_ENTRIES) : 0;
    return { min: count, max: count, exact: true };
  }
  return { min: r.min ?? 0, max: Math.min(r.max ?? MAX_REPEAT_ENTRIES, MAX_REPEAT_ENTRIES), exact: false };
}


/** "Person 2" (the entry label, or the page title, and the entry's number). */
export function entryName(def: SurveyDefinition, page: PagePlan, position: number, lang: string): string {
  const label = textIn(page.page.repeat!.entryLabel ?? page.page.title, lang, def.defaultLanguage) || page.page.repeat!.name;
  return message("repeatEntry", lang, { label, n: position });
}

/** A one-line summary of an entry for the list: its first two answers as the respondent reads them. */
export function entrySummary(def: SurveyDefinition, page: PagePlan, answers: Answers, preload: Answers, now: Date, options: FlowOptions, entryId: string, lang: string): string {
  const { state } = entryState(def, page, answers, preload, now, options, entryId);
  const parts: string[] = [];
  for (const qp of page.questions) {
    if (parts.length >= 2 || qp.q.type === "note" || qp.q.type === "matrix") continue;
    const shown = displayValue(def, state, qp.q.name, lang);
    if (shown !== "") parts.push(shown);
  }
  return parts.join(", ");
}

/**
 * What keeps the respondent on a repeat page: too few or too many entries, or an entry that is
 * no longer complete (a later change made a question required). Keyed by the repeat's name;
 * empty when the page may be left. The entries themselves were validated when saved.
 */
export function repeatProblems(def: SurveyDefinition, pageId: string, state: FlowState, lang: string, options: FlowOptions = {}): Record<string, string> {
  const page = repeatPage(def, pageId);
  if (!page) return {};
  const repeat = page.page.repeat!.name;
  const entries = repeatEntries(state.answers, repeat, state.preload);
  const bounds = entryBounds(def, page, state);
  const label = pipe(def, state, page.page.title ?? page.page.repeat!.entryLabel, lang) || repeat;
  if (bounds.exact && entries.length !== bounds.min) return { [repeat]: message("repeatExactly", lang, { label, count: bounds.min, n: entries.length }) };
  if (entries.length < bounds.min) return { [repeat]: message("repeatAtLeast", lang, { label, min: bounds.min }) };
  if (entries.length > bounds.max) return { [repeat]: message("repeatAtMost", lang, { label, max: bounds.max }) };
  for (const [i, e] of entries.entries()) {
    const v = validateEntry(def, pageId, e.id, e.answers, state.answers, state.preload, state.now, lang, { ...options, timeZone: state.timeZone });
    const first = Object.values(v.errors)[0];
    if (first) return { [repeat]: message("repeatEntryIncomplete", lang, { entry: entryName(def, page, i + 1, lang), problem: first }) };
  }
  return {};
}
