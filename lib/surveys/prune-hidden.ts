import type { AnswerValue, Answers } from "./answers";
import type { SurveyDefinition } from "./definition";
import { codeOffered } from "./options";
import { type QuestionPlan, getPlan } from "./plan";
import { type FlowOptions, type FlowState, type StateScope, evaluateFlow, scopeOf } from "./state";

export interface PruneResult {
  answers: Answers;
  /** Variables removed or narrowed (multiple choice), in the order found. */
  removed: string[];
}

type Mutable = Record<string, AnswerValue | undefined>;
const MAX_ROUNDS = 10;

function remove(current: Mutable, name: string, removed: string[]): boolean {
  if (current[name] === undefined) return false;
  current[name] = undefined;
  if (!removed.includes(name)) removed.push(name);
  return true;
}

/** Narrows one visible choice question to the codes offered now; true when anything changed. */
function narrow(qp: QuestionPlan, current: Mutable, scope: StateScope, removed: string[]): boolean {
  let changed = false;
  const name = qp.q.name;
  if (qp.q.type === "multiple") {
    const value = current[name];
    if (value !== undefined) {
      const codes = Array.isArray(value) ? value : String(value).split(/\s+/).filter(Boolean);
      const kept = codes.filter((c) => codeOffered(qp, c, scope));
      if (kept.length === 0) changed = remove(current, name, removed);
      else if (kept.length !== codes.length) {
        current[name] = kept;
        if (!removed.includes(name)) removed.push(name);
        changed = true;
      }
    }
  } else if (qp.rows.length) {
    for (const r of qp.rows) {
      const v = current[r.variable];
      if (v !== undefined && !codeOffered(qp, String(v), scope)) changed = remove(current, r.variable, removed) || changed;
    }
  } else {
    const v = current[name];
    if (v !== undefined && !codeOffered(qp, String(v), scope)) changed = remove(current, name, removed);
  }
  if (qp.otherVariable) {
    const value = current[name];
    const picked = Array.isArray(value) ? value.includes("other") : value === "other";
    if (!picked) changed = remove(current, qp.otherVariable, removed) || changed;
  }
  return changed;
}

function pruneRound(state: FlowState, plan: ReturnType<typeof getPlan>, current: Mutable, scope: StateScope, removed: string[]): boolean {
  let changed = false;
  // A repeat whose page is hidden loses its entries, as a hidden question loses its answer.
  for (const repeat of plan.repeats.keys()) if (state.hidden.has(repeat)) changed = remove(current, repeat, removed) || changed;
  for (const qp of plan.questions) {
    let hidden = false;
    for (const v of qp.variables) {
      // Hidden answers already read as '' in every condition, so dropping them changes nothing else.
      if (state.hidden.has(v)) {
        hidden = true;
        remove(current, v, removed);
      }
    }
    if (!hidden && qp.options.length && narrow(qp, current, scope, removed)) changed = true;
  }
  return changed;
}

/**
 * Drops answers the respondent can no longer see: answers to hidden questions and matrix
 * rows, option codes that are no longer offered (option condition or choice filter) and
 * "other, specify" text when "other" is not picked. Narrowing an answer can change what
 * else is shown, so it repeats until stable. Names that are not variables of the definition
 * are kept untouched. Pure; the server runs it before saving a page.
 */
export function pruneHidden(def: SurveyDefinition, answers: Answers, preload: Answers, now: Date, options: FlowOptions = {}): PruneResult {
  const plan = getPlan(def);
  // A thin layer over the answers records removals (as undefined) and narrowed values, so a
  // large answer set is copied once, at the end, not once per round.
  const current: Mutable = Object.create(answers) as Mutable;
  const removed: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const state = evaluateFlow(def, current, preload, now, options);
    if (!pruneRound(state, plan, current, scopeOf(def, state), removed)) break;
  }
  const result: Mutable = {};
  for (const k in answers) {
    const v = Object.prototype.hasOwnProperty.call(current, k) ? current[k] : answers[k];
    if (v !== undefined) result[k] = v;
  }
  return { answers: result, removed };
}
