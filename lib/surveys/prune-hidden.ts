import type { AnswerValue, Answers } from "./answers";
import type { SurveyDefinition } from "./definition";
import { resolveOptions } from "./options";
import { getPlan } from "./plan";
import { type FlowOptions, evaluateFlow, scopeOf } from "./state";

export interface PruneResult {
  answers: Answers;
  /** Variables removed or narrowed (multiple choice), in the order found. */
  removed: string[];
}

const MAX_ROUNDS = 10;

/**
 * Drops answers the respondent can no longer see: answers to hidden questions and matrix
 * rows, option codes that are no longer offered (option condition or choice filter) and
 * "other, specify" text when "other" is not picked. Repeats until stable, because removing
 * one answer can hide another question. Names that are not variables of the definition are
 * kept untouched. Pure; the server runs it before saving a page.
 */
export function pruneHidden(def: SurveyDefinition, answers: Answers, preload: Answers, now: Date, options: FlowOptions = {}): PruneResult {
  const plan = getPlan(def);
  let current: Record<string, AnswerValue | undefined> = { ...answers };
  const removed: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const state = evaluateFlow(def, current, preload, now, options);
    const scope = scopeOf(def, state);
    const next = { ...current };
    let changed = false;
    const drop = (name: string) => {
      if (next[name] === undefined) return;
      delete next[name];
      changed = true;
      if (!removed.includes(name)) removed.push(name);
    };
    for (const qp of plan.questions) {
      for (const v of qp.variables) if (state.hidden.has(v)) drop(v);
      if (!qp.options.length || state.hidden.has(qp.variables[0] ?? qp.q.name)) continue;
      const offered = new Set(resolveOptions(qp, scope).map((o) => o.code));
      if (qp.q.type === "multiple") {
        const value = next[qp.q.name];
        const codes = Array.isArray(value) ? value : typeof value === "string" ? value.split(/\s+/).filter(Boolean) : [];
        const kept = codes.filter((c) => offered.has(c));
        if (kept.length !== codes.length) {
          if (kept.length) { next[qp.q.name] = kept; changed = true; } else drop(qp.q.name);
          if (!removed.includes(qp.q.name)) removed.push(qp.q.name);
        }
      } else {
        const targets = qp.rows.length ? qp.rows.map((r) => r.variable) : [qp.q.name];
        for (const v of targets) if (next[v] !== undefined && !offered.has(String(next[v]))) drop(v);
      }
      if (qp.otherVariable) {
        const value = next[qp.q.name];
        const picked = Array.isArray(value) ? value.includes("other") : value === "other";
        if (!picked) drop(qp.otherVariable);
      }
    }
    current = next;
    if (!changed) break;
  }
  return { answers: current, removed };
}
