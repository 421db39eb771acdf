import { type AnswerValue, type Answers, type Submission, sameAnswer } from "./answers";
import { coerceAnswer, coerceCode, coerceText, MAX_TEXT } from "./coerce";
import type { SurveyDefinition } from "./definition";
import { fromAnswer, isEmpty } from "./expr/values";
import { type MessageKey, message } from "./messages";
import { resolveOptions } from "./options";
import { getPlan, type QuestionPlan } from "./plan";
import { type FlowState, type StateScope, evaluateFlow, scopeOf } from "./state";
import { textIn } from "./texts";

export interface PageValidation {
  ok: boolean;
  /** Variable name → message in the respondent's language. */
  errors: Record<string, string>;
  /** The page's answers in canonical form; hidden questions' answers are left out. */
  values: Answers;
  /** Submitted names that were not accepted: hidden, read-only or not on this page. */
  ignored: string[];
  /** The state with these values applied, for nextPage(). */
  state: FlowState;
}

const isOn = (flag: QuestionPlan["required"], scope: StateScope) => (typeof flag === "boolean" ? flag : flag.test(scope));

/**
 * Validates one submitted page. The submission is authoritative for every variable of the
 * page: a name that is absent (an unticked checkbox) means unanswered. Runs identically in
 * the browser and on the server, where it is the authority: answers to questions the state
 * hides are dropped, never stored. Pure.
 */
export function validatePage(def: SurveyDefinition, pageId: string, submitted: Submission, state: FlowState, lang: string): PageValidation {
  const plan = getPlan(def);
  const page = plan.pageById.get(pageId);
  if (!page) throw new Error(`No page with id "${pageId}"`);
  const errors: Record<string, string> = {};
  const typeErrors = new Map<string, [MessageKey, Record<string, string | number>?]>();
  const merged: Record<string, AnswerValue | undefined> = { ...state.answers };
  let changed = false;
  const set = (name: string, value: AnswerValue | undefined) => {
    if (!sameAnswer(merged[name], value)) changed = true;
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  };
  for (const qp of page.questions) {
    if (qp.q.type === "note") continue;
    for (const v of qp.variables) {
      const c = v === qp.q.name ? coerceAnswer(qp.q, submitted[v])
        : v === qp.otherVariable ? coerceText(submitted[v], MAX_TEXT)
        : coerceCode(submitted[v]);
      if (c.error) typeErrors.set(v, [c.error, c.params]);
      set(v, c.value);
    }
  }
  const next = changed ? evaluateFlow(def, merged, state.preload, state.now, { timeZone: state.timeZone }) : state;
  const scope = scopeOf(def, next);
  const values: Record<string, AnswerValue> = {};
  const ignored = Object.keys(submitted).filter((k) => plan.owner.get(k)?.pageIndex !== page.index);
  const fallback = def.defaultLanguage;

  for (const qp of page.questions) {
    const q = qp.q;
    if (q.type === "note") continue;
    if (next.hidden.has(q.name) || (q.type === "matrix" && qp.rows.every((r) => next.hidden.has(r.variable)))) {
      ignored.push(...qp.variables.filter((v) => !isEmpty(fromAnswer(submitted[v]))));
      continue;
    }
    scope.selfValue = fromAnswer(merged[q.name]);
    if (isOn(qp.readOnly, scope)) {
      for (const v of qp.variables) {
        const kept = state.answers[v];
        if (kept !== undefined && kept !== null) values[v] = kept;
        if (submitted[v] !== undefined && !sameAnswer(state.answers[v], merged[v])) ignored.push(v);
      }
      continue;
    }
    const required = isOn(qp.required, scope);
    const requiredText = q.requiredMessage ? textIn(q.requiredMessage, lang, fallback) : message("required", lang);
    const fail = (v: string, text: string) => { if (!errors[v]) errors[v] = text; };
    const targets = q.type === "matrix" ? qp.rows.filter((r) => !next.hidden.has(r.variable)).map((r) => r.variable) : [q.name];
    const shown = qp.options.length ? resolveOptions(qp, scope) : [];
    const shownCodes = new Set(shown.map((o) => o.code));

    for (const v of targets) {
      const value = merged[v];
      const te = typeErrors.get(v);
      if (te) {
        const [key, params] = te;
        if (q.type === "scale") fail(v, message("range", lang, { min: q.min, max: q.max }));
        else fail(v, message(key, lang, params));
      } else if (value === undefined) {
        if (required) fail(v, requiredText);
      } else {
        const problem = checkValue(qp, value, shownCodes, shown, lang, fallback);
        if (problem) fail(v, problem);
      }
      if (!errors[v] && value !== undefined && qp.constraint) {
        scope.selfValue = fromAnswer(value);
        if (!qp.constraint.test(scope)) fail(v, q.constraintMessage ? textIn(q.constraintMessage, lang, fallback) : message("constraint", lang));
      }
      if (value !== undefined && !errors[v]) values[v] = value;
    }
    const other = qp.otherVariable;
    if (other) {
      const picked = merged[q.name];
      const otherPicked = Array.isArray(picked) ? picked.includes("other") : picked === "other";
      const te = typeErrors.get(other);
      if (otherPicked && te) fail(other, message(te[0], lang, te[1]));
      else if (otherPicked && merged[other] === undefined) fail(other, message("specify", lang));
      else if (otherPicked) values[other] = merged[other]!;
      else if (merged[other] !== undefined) ignored.push(other);
    }
  }
  return { ok: Object.keys(errors).length === 0, errors, values, ignored, state: next };
}

function checkValue(
  qp: QuestionPlan, value: AnswerValue, shownCodes: Set<string>, shown: ReturnType<typeof resolveOptions>, lang: string, fallback: string,
): string | null {
  const q = qp.q;
  switch (q.type) {
    case "single":
    case "matrix":
      return shownCodes.has(String(value)) ? null : message("option", lang);
    case "multiple": {
      const codes = value as string[];
      if (codes.some((c) => !shownCodes.has(c))) return message("option", lang);
      const exclusive = shown.find((o) => o.exclusive && codes.includes(o.code));
      if (exclusive && codes.length > 1) return message("exclusive", lang, { option: textIn(exclusive.label, lang, fallback) });
      return null;
    }
    case "integer":
    case "decimal":
      if (q.min !== undefined && (value as number) < q.min) return message("min", lang, { min: q.min });
      if (q.max !== undefined && (value as number) > q.max) return message("max", lang, { max: q.max });
      return null;
    case "scale":
      return (value as number) < q.min || (value as number) > q.max ? message("range", lang, { min: q.min, max: q.max }) : null;
    default:
      return null;
  }
}
