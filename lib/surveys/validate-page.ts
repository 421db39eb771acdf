import { type AnswerValue, type Answers, type Submission, sameAnswer } from "./answers";
import { coerceAnswer, coerceCode, coerceText, MAX_TEXT } from "./coerce";
import type { SurveyDefinition } from "./definition";
import { fromAnswer, isEmpty } from "./expr/values";
import { type MessageKey, message } from "./messages";
import { codeOffered, optionLabel } from "./options";
import { getPlan, type QuestionPlan } from "./plan";
import { pipe } from "./pipe";
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
  // The page's own variables, coerced; everything else is read from the stored answers.
  const own = new Map<string, AnswerValue | undefined>();
  let changed = false;
  for (const qp of page.questions) {
    for (const v of qp.variables) {
      const c = v === qp.q.name ? coerceAnswer(qp.q, submitted[v], state.timeZone)
        : v === qp.otherVariable ? coerceText(submitted[v], MAX_TEXT)
        : coerceCode(submitted[v]);
      if (c.error) typeErrors.set(v, [c.error, c.params]);
      own.set(v, c.value);
    }
    if (qp.otherVariable) inferOther(qp, own, typeErrors);
    for (const v of qp.variables) if (!sameAnswer(state.answers[v], own.get(v))) changed = true;
  }
  const merged = (v: string): AnswerValue | undefined => (own.has(v) ? own.get(v) : state.answers[v] ?? undefined);
  let next = state;
  if (changed) {
    const answers: Record<string, AnswerValue | undefined> = { ...state.answers };
    for (const [v, value] of own) {
      if (value === undefined) delete answers[v];
      else answers[v] = value;
    }
    next = evaluateFlow(def, answers, state.preload, state.now, { timeZone: state.timeZone, ...(state.entry ? { entry: state.entry } : {}) });
  }
  const scope = scopeOf(def, next);
  const values: Record<string, AnswerValue> = {};
  const ignored: string[] = [];
  for (const k in submitted) if (plan.owner.get(k)?.pageIndex !== page.index) ignored.push(k);
  const fallback = def.defaultLanguage;

  for (const qp of page.questions) {
    const q = qp.q;
    if (q.type === "note") continue;
    if (next.hidden.has(q.name) || (q.type === "matrix" && qp.rows.every((r) => next.hidden.has(r.variable)))) {
      ignored.push(...qp.variables.filter((v) => !isEmpty(fromAnswer(submitted[v]))));
      continue;
    }
    scope.selfValue = fromAnswer(merged(q.name));
    if (isOn(qp.readOnly, scope)) {
      for (const v of qp.variables) {
        const kept = state.answers[v];
        if (kept !== undefined && kept !== null) values[v] = kept;
        if (submitted[v] !== undefined && !sameAnswer(state.answers[v], merged(v))) ignored.push(v);
      }
      continue;
    }
    const required = isOn(qp.required, scope);
    const targets = q.type === "matrix" ? qp.rows.filter((r) => !next.hidden.has(r.variable)).map((r) => r.variable) : [q.name];
    const questionLabel = pipe(def, next, q.label, lang);
    for (const v of targets) {
      const value = merged(v);
      const te = typeErrors.get(v);
      const row = q.type === "matrix" ? qp.rows.find((r) => r.variable === v) : undefined;
      const label = row ? `${questionLabel} – ${pipe(def, next, row.row.label, lang)}` : questionLabel;
      let problem: string | null = null;
      if (te) problem = q.type === "scale" ? message("range", lang, { min: q.min, max: q.max }) : namedTypeError(q as { min?: number; max?: number }, te, label, lang);
      else if (value === undefined) {
        if (required) problem = q.requiredMessage ? textIn(q.requiredMessage, lang, fallback) : message(requiredKey(q.type), lang, { label });
      } else {
        problem = checkValue(qp, value, scope, lang, fallback, label);
        if (!problem && qp.constraint) {
          scope.selfValue = fromAnswer(value);
          if (!qp.constraint.test(scope)) problem = q.constraintMessage ? textIn(q.constraintMessage, lang, fallback) : message("constraint", lang);
        }
      }
      if (problem) errors[v] = problem;
      else if (value !== undefined) values[v] = value;
    }
    const other = qp.otherVariable;
    if (other) {
      const picked = merged(q.name);
      const otherPicked = Array.isArray(picked) ? picked.includes("other") : picked === "other";
      const te = typeErrors.get(other);
      if (otherPicked && te) errors[other] = message(te[0], lang, te[1]);
      else if (otherPicked && merged(other) === undefined) errors[other] = message("specify", lang);
      else if (otherPicked) values[other] = merged(other) as AnswerValue;
      else if (merged(other) !== undefined && !te && picked !== undefined && !errors[q.name]) {
        // A specification next to another single choice: which one is meant? Asked at the field.
        const op = qp.optionByCode.get("other");
        errors[other] = message("otherNotChosen", lang, { option: op ? textIn(optionLabel(op, scope), lang, fallback) : "" });
      } else if (merged(other) !== undefined) ignored.push(other);
    }
  }
  return { ok: Object.keys(errors).length === 0, errors, values, ignored, state: next };
}

/**
 * "Other, specify" text given without ticking "Other" (the box is always visible without
 * scripts) chooses "Other": added to a multiple choice, or taken as the single choice when none
 * was made. Next to another single choice it stays as given, and validatePage asks which is meant.
 */
function inferOther(qp: QuestionPlan, own: Map<string, AnswerValue | undefined>, typeErrors: Map<string, unknown>) {
  const text = own.get(qp.otherVariable!);
  if (typeof text !== "string" || typeErrors.has(qp.otherVariable!) || typeErrors.has(qp.q.name)) return;
  const picked = own.get(qp.q.name);
  if (qp.q.type === "multiple") {
    const codes = Array.isArray(picked) ? picked : [];
    if (!codes.includes("other")) own.set(qp.q.name, [...codes, "other"]);
  } else if (picked === undefined) own.set(qp.q.name, "other");
}

function allOffered(qp: QuestionPlan, codes: readonly string[], scope: StateScope): boolean {
  for (const c of codes) if (!codeOffered(qp, c, scope)) return false;
  return true;
}

/** The "required" message for a question type: choose for choices, enter for typed answers. */
function requiredKey(type: string): MessageKey {
  if (type === "multiple") return "requiredMultiple";
  return ["single", "matrix", "scale", "consent"].includes(type) ? "requiredChoice" : "requiredText";
}

/** A number that fits the question, for "like 2022" in a number error. */
function example(q: { min?: number; max?: number }): number {
  if (q.min !== undefined && q.max !== undefined) return Math.round((q.min + q.max) / 2);
  return q.min ?? q.max ?? 12;
}

/** A type error that names the question when there is a named form of it (numbers). */
function namedTypeError(q: { min?: number; max?: number }, te: [MessageKey, Record<string, string | number>?], label: string, lang: string): string {
  const named: Partial<Record<MessageKey, MessageKey>> = { integer: "integerNamed", decimal: "decimalNamed" };
  const key = named[te[0]];
  return key ? message(key, lang, { label, example: example(q) }) : message(te[0], lang, te[1]);
}

function checkValue(qp: QuestionPlan, value: AnswerValue, scope: StateScope, lang: string, fallback: string, label: string): string | null {
  const q = qp.q;
  switch (q.type) {
    case "single":
    case "matrix":
      return codeOffered(qp, String(value), scope) ? null : message("option", lang);
    case "multiple": {
      const codes = value as string[];
      if (!allOffered(qp, codes, scope)) return message("option", lang);
      const exclusive = codes.length > 1 ? codes.map((c) => qp.optionByCode.get(c)!).find((op) => op.option.exclusive) : undefined;
      if (exclusive) return message("exclusive", lang, { option: textIn(optionLabel(exclusive, scope), lang, fallback) });
      return null;
    }
    case "integer":
    case "decimal":
      if (q.min !== undefined && (value as number) < q.min) return message("minNamed", lang, { min: q.min, label });
      if (q.max !== undefined && (value as number) > q.max) return message("maxNamed", lang, { max: q.max, label });
      return null;
    case "scale":
      return (value as number) < q.min || (value as number) > q.max ? message("range", lang, { min: q.min, max: q.max }) : null;
    default:
      return null;
  }
}
