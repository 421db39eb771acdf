import type { SurveyDefinition } from "../surveys/definition";
import type { FlowState } from "../surveys/flow";
import { pageView, type PageView } from "../surveys/page-view";
import { getPlan, type QuestionPlan } from "../surveys/plan";
import { textIn } from "../surveys/texts";

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
  let view: PageView;
  if (!conditional.size) view = pageView(def, state, pageId, lang);
  else {
    const order = page.questions.map((qp) => qp.q.name).filter((n) => visible.has(n) || conditional.has(n));
    const widened: FlowState = { ...state, visibleQuestions: { ...state.visibleQuestions, [pageId]: order } };
    view = pageView(def, widened, pageId, lang);
  }
  addConditionalOptions(def, view, page.index, lang);
  return { view, conditional };
}

function samePageRefs(qp: QuestionPlan, refs: readonly string[], pageIndex: number, def: SurveyDefinition) {
  const plan = getPlan(def);
  return refs.some((r) => plan.owner.get(r)?.pageIndex === pageIndex) || (qp.choiceFilter?.refs ?? []).some((r) => plan.owner.get(r)?.pageIndex === pageIndex);
}

/**
 * Options not offered now whose condition looks at an answer on this same page are added,
 * marked conditional, so the enhancement script can show them as answers change (and they are
 * shown with scripts off; the server accepts only what is offered when the page is submitted).
 */
function addConditionalOptions(def: SurveyDefinition, view: PageView, pageIndex: number, lang: string) {
  const plan = getPlan(def);
  for (const q of view.questions) {
    if ((q.type !== "single" && q.type !== "multiple") || !q.options) continue;
    const qp = plan.byName.get(q.name)!;
    const shown = new Set(q.options.map((o) => o.code));
    const extra = qp.options.filter((op) => !shown.has(op.option.code) && samePageRefs(qp, op.relevant?.refs ?? [], pageIndex, def));
    if (!extra.length) continue;
    const byCode = new Map(q.options.map((o) => [o.code, o]));
    q.options = qp.options
      .filter((op) => byCode.has(op.option.code) || extra.includes(op))
      .map((op) => byCode.get(op.option.code) ?? {
        code: op.option.code, label: textIn(op.option.label, lang, def.defaultLanguage), exclusive: op.option.exclusive === true, conditional: true,
      });
  }
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
