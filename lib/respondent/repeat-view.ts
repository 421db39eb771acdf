// What a repeat page shows: the list of its entries, or one entry's questions.
import { repeatEntries } from "../surveys/answers";
import type { SurveyDefinition } from "../surveys/definition";
import { pageView, type PageView } from "../surveys/page-view";
import type { PagePlan } from "../surveys/plan";
import { entryBounds, entryName, entryState, entrySummary } from "../surveys/repeats";
import type { FlowState } from "../surveys/state";
import { pageWithReveals } from "./page-with-reveals";
import type { RepeatPageView } from "./render/repeat-list";

/** The URL of one entry's questions (a new id shows an empty entry; nothing is stored until Save). */
export const entryUrl = (token: string, pageId: string, entryId: string) => `/s/${token}?p=${encodeURIComponent(pageId)}&entry=${entryId}`;
const pageUrl = (token: string, pageId: string) => `/s/${token}?p=${encodeURIComponent(pageId)}`;

export interface RepeatRender {
  view: PageView;
  conditional: Set<string>;
  repeat: RepeatPageView;
  /** The state the enhancement script starts from (the entry's, when one is shown). */
  state: FlowState;
}

/**
 * What a repeat page shows: one entry's questions when `entry` names one (an unknown id is a new
 * entry, offered only while there is room), else the list of entries.
 */
export function repeatRender(
  def: SurveyDefinition, page: PagePlan, state: FlowState, lang: string, entry: { id: string; state?: FlowState } | undefined,
): RepeatRender {
  const pageId = page.page.id;
  const repeat = page.page.repeat!.name;
  const entries = repeatEntries(state.answers, repeat, state.preload);
  const bounds = entryBounds(def, page, state);
  const options = { timeZone: state.timeZone };
  const known = entry && entries.some((e) => e.id === entry.id);
  if (entry && (known || entries.length < bounds.max)) {
    const s = entry.state ?? entryState(def, page, state.answers, state.preload, state.now, options, entry.id).state;
    const { view, conditional } = pageWithReveals(def, s, pageId, lang);
    return { view, conditional, repeat: { mode: "entry", entryId: entry.id, title: entryName(def, page, s.entry?.position ?? 1, lang) }, state: s };
  }
  const view = { ...pageView(def, state, pageId, lang), questions: [] };
  const list = entries.map((e, i) => ({ id: e.id, title: entryName(def, page, i + 1, lang), summary: entrySummary(def, page, state.answers, state.preload, state.now, options, e.id, lang) }));
  return { view, conditional: new Set(), repeat: { mode: "list", name: repeat, entries: list, canAdd: entries.length < bounds.max }, state };
}

