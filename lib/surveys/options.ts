import type { Option, SurveyDefinition, Text } from "./definition";
import { type OptionPlan, type QuestionPlan, getPlan } from "./plan";
import { type FlowState, type StateScope, scopeOf } from "./state";

/** An option as a respondent sees it: condition applied, wording chosen, text not yet piped. */
export interface ResolvedOption {
  code: string;
  /** The wording for this respondent: the first label variant that applies, else the label. */
  label: Text;
  exclusive: boolean;
  option: Option;
}

/** Whether the option is offered now: its own condition and the question's choice filter. */
export function optionOffered(op: OptionPlan, qp: QuestionPlan, scope: StateScope): boolean {
  if (!op.relevant && !qp.choiceFilter) return true;
  scope.row = op.columns;
  const shown = (!op.relevant || op.relevant.test(scope)) && (!qp.choiceFilter || qp.choiceFilter.test(scope));
  scope.row = null;
  return shown;
}

/** The wording that applies: the first label variant whose condition holds, else the label. */
export function optionLabel(op: OptionPlan, scope: StateScope): Text {
  if (op.variants.length === 0) return op.option.label;
  scope.row = op.columns;
  const variant = op.variants.find((v) => v.when.test(scope));
  scope.row = null;
  return variant ? variant.label : op.option.label;
}

/** Whether a stored code is one of the options offered now. */
export function codeOffered(qp: QuestionPlan, code: string, scope: StateScope): boolean {
  const op = qp.optionByCode.get(code);
  return op !== undefined && optionOffered(op, qp, scope);
}

/** Options of a question after option conditions, the choice filter and label variants. */
export function resolveOptions(qp: QuestionPlan, scope: StateScope): ResolvedOption[] {
  const out: ResolvedOption[] = [];
  for (const op of qp.options) {
    if (!optionOffered(op, qp, scope)) continue;
    out.push({ code: op.option.code, label: optionLabel(op, scope), exclusive: op.option.exclusive === true, option: op.option });
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
