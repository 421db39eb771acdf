import type { SurveyDefinition } from "../surveys/definition";
import type { FlowState } from "../surveys/flow";
import { pageView, type PageView } from "../surveys/page-view";
import { getPlan } from "../surveys/plan";

/**
 * The page's view plus the questions that answers on this same page can reveal (the consent
 * "yes" that reveals the email field). Those are rendered hidden; the enhancement script shows
 * them as answers change, and with scripts off they are shown (the conditional-reveal pattern).
 */
export function pageWithReveals(def: SurveyDefinition, state: FlowState, pageId: string, lang: string): { view: PageView; conditional: Set<string> } {
  const plan = getPlan(def);
  const page = plan.pageById.get(pageId);
  if (!page) throw new Error(`No page with id "${pageId}"`);
  const visible = new Set(state.visibleQuestions[pageId] ?? []);
  const conditional = new Set<string>();
  for (const qp of page.questions) {
    if (visible.has(qp.q.name) || !qp.relevant) continue;
    if (qp.relevant.refs.some((r) => plan.owner.get(r)?.pageIndex === page.index)) conditional.add(qp.q.name);
  }
  if (!conditional.size) return { view: pageView(def, state, pageId, lang), conditional };
  const order = page.questions.map((qp) => qp.q.name).filter((n) => visible.has(n) || conditional.has(n));
  const widened: FlowState = { ...state, visibleQuestions: { ...state.visibleQuestions, [pageId]: order } };
  return { view: pageView(def, widened, pageId, lang), conditional };
}

/** Questions this submission revealed on its own page that are still unanswered. */
export function newlyRevealed(def: SurveyDefinition, before: FlowState, after: FlowState, pageId: string): string[] {
  const was = new Set(before.visibleQuestions[pageId] ?? []);
  const plan = getPlan(def);
  return (after.visibleQuestions[pageId] ?? []).filter((n) => {
    if (was.has(n) || plan.byName.get(n)?.q.type === "note") return false;
    const v = after.answers[n];
    return v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
  });
}
