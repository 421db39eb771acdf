import type { AnswerValue } from "./answers";
import type { QuestionType, SurveyDefinition } from "./definition";
import { fromAnswer } from "./expr/values";
import { type OptionView, type Progress, nextPage, previousPage, progress, visibleOptions } from "./flow";
import { message } from "./messages";
import { getPlan } from "./plan";
import { pipe } from "./pipe";
import { type FlowState, scopeOf } from "./state";

export interface QuestionView {
  name: string;
  type: QuestionType;
  label: string;
  hint?: string;
  required: boolean;
  readOnly: boolean;
  appearance?: string;
  /** The stored answer, or the question's default when unanswered. */
  value?: AnswerValue;
  options?: OptionView[];
  rows?: { code: string; variable: string; label: string; value?: AnswerValue }[];
  other?: { variable: string; label: string; value?: AnswerValue };
  min?: number;
  max?: number;
  minLabel?: string;
  maxLabel?: string;
  wording?: string;
  wordingVersion?: string;
}

export interface PageView {
  id: string;
  title?: string;
  questions: QuestionView[];
  progress: Progress;
  hasPrevious: boolean;
  isLast: boolean;
}

/**
 * Everything a renderer needs to draw one page in one language: visible questions with
 * piped texts, the options and rows actually offered, current values. Plain text only;
 * the renderer escapes it. Pure.
 */
export function pageView(def: SurveyDefinition, state: FlowState, pageId: string, lang: string): PageView {
  const plan = getPlan(def);
  const page = plan.pageById.get(pageId);
  if (!page) throw new Error(`No page with id "${pageId}"`);
  const scope = scopeOf(def, state);
  const shown = new Set(state.visibleQuestions[pageId] ?? []);
  const text = (t: Parameters<typeof pipe>[2]) => (t ? pipe(def, state, t, lang) : undefined);
  const questions = page.questions.filter((qp) => shown.has(qp.q.name)).map((qp): QuestionView => {
    const q = qp.q;
    scope.selfValue = fromAnswer(state.answers[q.name]);
    const flag = (f: typeof qp.required) => (typeof f === "boolean" ? f : f.test(scope));
    const stored = state.answers[q.name];
    const view: QuestionView = {
      name: q.name, type: q.type, label: pipe(def, state, q.label, lang), hint: text(q.hint),
      required: flag(qp.required), readOnly: flag(qp.readOnly), appearance: q.appearance,
      value: stored ?? (q.default === undefined ? undefined : q.type === "multiple" ? q.default.split(/\s+/).filter(Boolean) : q.default),
    };
    if (qp.options.length) view.options = visibleOptions(def, state, q.name, lang);
    if (q.type === "consent") view.options = (["yes", "no"] as const).map((code) => ({ code, label: message(code, lang), exclusive: false }));
    if (q.type === "matrix") {
      view.rows = qp.rows.filter((r) => !state.hidden.has(r.variable))
        .map((r) => ({ code: r.row.code, variable: r.variable, label: pipe(def, state, r.row.label, lang), value: state.answers[r.variable] ?? undefined }));
    }
    if (qp.otherVariable) view.other = { variable: qp.otherVariable, label: message("otherLabel", lang), value: state.answers[qp.otherVariable] ?? undefined };
    if (q.type === "integer" || q.type === "decimal" || q.type === "scale") Object.assign(view, { min: q.min, max: q.max });
    if (q.type === "scale") Object.assign(view, { minLabel: text(q.minLabel), maxLabel: text(q.maxLabel) });
    if (q.type === "consent") Object.assign(view, { wording: pipe(def, state, q.wording, lang), wordingVersion: q.wordingVersion });
    return view;
  });
  return {
    id: pageId,
    title: text(page.page.title),
    questions,
    progress: progress(def, state, pageId),
    hasPrevious: previousPage(def, state, pageId) !== null,
    isLast: nextPage(def, state, pageId) === null,
  };
}
