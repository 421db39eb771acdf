import type { Option, SurveyDefinition, Text } from "./definition";
import type { OptionPlan, QuestionPlan } from "./plan";
import { getPlan } from "./plan";
import { type FlowState, type StateScope, scopeOf } from "./state";

/** An option as a respondent sees it: condition applied, wording chosen, text not yet piped. */
export interface ResolvedOption {
  code: string;
  /** The wording for this respondent: the first label variant that applies, else the label. */
  label: Text;
  exclusive: boolean;
  option: Option;
}

function columnsOf(o: Option): Record<string, string> {
  return { ...o.filter, name: o.code };
}

function resolveOne(op: OptionPlan, qp: QuestionPlan, scope: StateScope): ResolvedOption | null {
  scope.row = op.option.filter || qp.choiceFilter ? columnsOf(op.option) : { name: op.option.code };
  try {
    if (op.relevant && !op.relevant.test(scope)) return null;
    if (qp.choiceFilter && !qp.choiceFilter.test(scope)) return null;
    const variant = op.variants.find((v) => v.when.test(scope));
    return { code: op.option.code, label: variant ? variant.label : op.option.label, exclusive: op.option.exclusive === true, option: op.option };
  } finally {
    scope.row = null;
  }
}

/** Options of a question after option conditions, the choice filter and label variants. */
export function resolveOptions(qp: QuestionPlan, scope: StateScope): ResolvedOption[] {
  const out: ResolvedOption[] = [];
  for (const op of qp.options) {
    const r = resolveOne(op, qp, scope);
    if (r) out.push(r);
  }
  return out;
}

export function questionPlan(def: SurveyDefinition, questionName: string): QuestionPlan {
  const qp = getPlan(def).byName.get(questionName);
  if (!qp) throw new Error(`No question named "${questionName}"`);
  return qp;
}

/**
 * The options shown for a choice or matrix question in the current state, with texts per
 * language. validatePage accepts only these codes and pruneHidden drops the others.
 */
export function resolvedOptions(def: SurveyDefinition, state: FlowState, questionName: string): ResolvedOption[] {
  return resolveOptions(questionPlan(def, questionName), scopeOf(def, state));
}

/** The visible rows of a matrix question, with the variable each row is stored in. */
export function visibleRows(def: SurveyDefinition, state: FlowState, questionName: string) {
  const qp = questionPlan(def, questionName);
  return qp.rows.filter((r) => !state.hidden.has(r.variable)).map((r) => ({ code: r.row.code, label: r.row.label, variable: r.variable }));
}
