import type { Question, SurveyDefinition } from "./definition";
import { resolvedOptions } from "./options";
import { getPlan } from "./plan";
import { fillTemplate } from "./pipe-template";
import { displayValue } from "./pipe";
import type { FlowState } from "./state";
import { textIn } from "./texts";

/**
 * Page flow: which page comes next, how far along the respondent is. Every function is
 * pure and takes the FlowState from evaluateFlow; the browser and the server run the same
 * code, and the server's answer is the one that counts.
 */
export { evaluateFlow, type FlowState, type FlowOptions } from "./state";
export { validatePage, type PageValidation } from "./validate-page";
export { pruneHidden, type PruneResult } from "./prune-hidden";

/** A page is shown when it has a visible question (visiblePages holds exactly those). */
const shown = (state: FlowState, pageId: string) => (state.visibleQuestions[pageId]?.length ?? 0) > 0;

function pageIndex(def: SurveyDefinition, pageId: string): number {
  const page = getPlan(def).pageById.get(pageId);
  if (!page) throw new Error(`No page with id "${pageId}"`);
  return page.index;
}

/** The visible questions of a page, in order (none when the page is hidden). */
export function visibleQuestions(def: SurveyDefinition, state: FlowState, pageId: string): Question[] {
  const plan = getPlan(def);
  pageIndex(def, pageId);
  return (state.visibleQuestions[pageId] ?? []).map((name) => plan.byName.get(name)!.q);
}

export interface OptionView {
  code: string;
  /** Label in the requested language, wording variant applied, answers piped in. */
  label: string;
  exclusive: boolean;
}

/** The options a respondent sees for a choice or matrix question, in `lang`. */
export function visibleOptions(def: SurveyDefinition, state: FlowState, questionName: string, lang: string): OptionView[] {
  return resolvedOptions(def, state, questionName).map((o) => ({
    code: o.code,
    label: fillTemplate(textIn(o.label, lang, def.defaultLanguage), (n) => displayValue(def, state, n, lang)),
    exclusive: o.exclusive,
  }));
}

/** The first page to show, or null when nothing is visible. */
export function firstPage(def: SurveyDefinition, state: FlowState): string | null {
  return state.visiblePages[0] ?? null;
}

/** The next visible page after `currentPageId` in definition order, or null at the end. */
export function nextPage(def: SurveyDefinition, state: FlowState, currentPageId: string): string | null {
  for (let i = pageIndex(def, currentPageId) + 1; i < def.pages.length; i++) if (shown(state, def.pages[i].id)) return def.pages[i].id;
  return null;
}

/** The previous visible page before `currentPageId`, or null on the first page. */
export function previousPage(def: SurveyDefinition, state: FlowState, currentPageId: string): string | null {
  for (let i = pageIndex(def, currentPageId) - 1; i >= 0; i--) if (shown(state, def.pages[i].id)) return def.pages[i].id;
  return null;
}

export interface Progress {
  /** 1-based position of the current page among the visible pages. */
  page: number;
  /** Visible pages, which may change as answers change branches. */
  pages: number;
  /** Share of visible pages before the current one, 0–100. */
  percent: number;
}

export function progress(def: SurveyDefinition, state: FlowState, currentPageId: string): Progress {
  const from = pageIndex(def, currentPageId);
  let before = 0;
  for (let i = 0; i < from; i++) if (shown(state, def.pages[i].id)) before++;
  const pages = Math.max(state.visiblePages.length, before + 1);
  return { page: before + 1, pages, percent: Math.round((100 * before) / pages) };
}
