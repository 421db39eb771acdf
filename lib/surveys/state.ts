import { isoDay } from "../i18n/format-date";
import { type Answers, repeatEntries } from "./answers";
import type { SurveyDefinition } from "./definition";
import type { EvalScope } from "./expr/functions";
import { type ExprValue, fromAnswer, toNum } from "./expr/values";
import { type PagePlan, type Plan, getPlan } from "./plan";
import { textIn } from "./texts";

/**
 * What the engine derives from a definition and the answers so far: which pages and
 * questions are shown and what the calculates hold. Immutable; recompute after each change.
 */
export interface FlowState {
  readonly answers: Answers;
  readonly preload: Answers;
  readonly now: Date;
  readonly timeZone?: string;
  /** 'YYYY-MM-DD' in timeZone (UTC when none), the value of today(). */
  readonly today: string;
  /** When the response began (FlowOptions.started), for duration(). */
  readonly started?: Date;
  /** Ids of the pages shown, in order: relevant and with at least one visible question. */
  readonly visiblePages: readonly string[];
  /** Page id → names of its visible questions (pages not shown map to []). */
  readonly visibleQuestions: Readonly<Record<string, readonly string[]>>;
  readonly calculated: Readonly<Record<string, ExprValue>>;
  /** Variables whose question is hidden; they read as '' in every expression. */
  readonly hidden: ReadonlySet<string>;
  /** Set when the state is that of one repeat entry (its answers merged over the others). */
  readonly entry?: EntryContext;
}

/**
 * One entry of a repeat being evaluated: its page's questions are shown and validated as an
 * ordinary page, `${q}` reads the entry's answer, and position(..) is `position`.
 */
export interface EntryContext {
  repeat: string;
  /** 1-based. */
  position: number;
}

export interface FlowOptions {
  /** IANA zone for today(), e.g. "Europe/Oslo". Defaults to UTC. */
  timeZone?: string;
  /** When the response began: duration() counts the seconds since (0 when not given). */
  started?: Date;
  /** Evaluate one repeat entry (answers must hold it merged: see repeats.ts entryAnswers). */
  entry?: EntryContext;
}

const MAX_PASSES = 8;

/** The value of today(): 'YYYY-MM-DD' in timeZone (UTC when none). */
export function todayIn(now: Date, timeZone?: string): string {
  return isoDay(now, timeZone ?? "UTC");
}

/**
 * Evaluation scope over answers, preload and calculates. Hidden questions read as '',
 * as in ODK, so a condition never depends on an answer the respondent can no longer see.
 */
export class StateScope implements EvalScope {
  selfValue: ExprValue = "";
  row: Readonly<Record<string, string>> | null = null;
  private readonly memo = new Map<string, ExprValue>();
  private readonly visiting = new Set<string>();
  constructor(
    private readonly plan: Plan,
    private readonly answers: Answers,
    private readonly preload: Answers,
    public hidden: Set<string>,
    readonly today: string,
    readonly now: Date,
  ) {}

  /** Language of choiceLabel(); the default language when unset. */
  lang?: string;
  /** When the response began, for duration(). */
  started?: Date;
  /** The repeat entry being evaluated, for position(..). */
  entryPosition = 0;

  position(): number {
    return this.entryPosition;
  }

  repeatValues(name: string): readonly ExprValue[] | undefined {
    const repeat = this.plan.repeats.has(name) ? name : this.plan.repeatOf.get(name);
    if (!repeat) return undefined;
    if (this.hidden.has(repeat)) return [];
    const entries = repeatEntries(this.answers, repeat, this.preload);
    return repeat === name ? entries.map((e) => e.id) : entries.map((e) => fromAnswer(e.answers[name]));
  }

  choiceLabel(field: string, code: string): string {
    const op = this.plan.owner.get(field)?.optionByCode.get(code);
    return op ? textIn(op.option.label, this.lang ?? this.plan.def.defaultLanguage, this.plan.def.defaultLanguage) : code;
  }

  get(name: string): ExprValue {
    if (this.hidden.has(name)) return "";
    const calc = this.plan.calcs.get(name);
    if (calc) {
      let v = this.memo.get(name);
      if (v === undefined) {
        if (this.visiting.has(name)) return ""; // cycles are rejected by the schema; stay safe
        this.visiting.add(name);
        v = calc.evaluate(this);
        this.visiting.delete(name);
        this.memo.set(name, v);
      }
      return v;
    }
    if (this.plan.repeats.has(name)) return ""; // a repeat is read through count(), sum(), …
    const a = this.answers[name];
    return a === undefined ? fromAnswer(this.preload[name]) : fromAnswer(a);
  }
  self(): ExprValue {
    return this.selfValue;
  }
  column(name: string): ExprValue {
    return this.row?.[name] ?? "";
  }
  forget(): void {
    this.memo.clear();
  }
}

/** A scope reading the state, e.g. to evaluate option conditions or pipe labels. */
export function scopeOf(def: SurveyDefinition, state: FlowState, lang?: string): StateScope {
  const scope = new StateScope(getPlan(def), state.answers, state.preload, state.hidden as Set<string>, state.today, state.now);
  if (lang) scope.lang = lang;
  if (state.started) scope.started = state.started;
  if (state.entry) scope.entryPosition = state.entry.position;
  return scope;
}

/**
 * Computes visibility and calculates. Pure: the same inputs give the same state; `now` is
 * only read through today() and now().
 */
export function evaluateFlow(def: SurveyDefinition, answers: Answers, preload: Answers, now: Date, options: FlowOptions = {}): FlowState {
  const plan = getPlan(def);
  const today = todayIn(now, options.timeZone);
  const scope = new StateScope(plan, answers, preload, new Set(), today, now);
  if (options.started) scope.started = options.started;
  if (options.entry) scope.entryPosition = options.entry.position;
  let visibleQuestions: Record<string, string[]> = {};
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = new Set(scope.hidden);
    scope.forget();
    visibleQuestions = {};
    for (const page of plan.pages) {
      const pageShown = !page.relevant || page.relevant.test(scope);
      const repeat = page.page.repeat?.name;
      if (repeat && options.entry?.repeat !== repeat) {
        // Outside its entries a repeat's questions have no value of their own: they read as ''.
        const shown = pageShown && repeatAllowed(page, scope);
        for (const qp of page.questions) qp.variables.forEach((v) => scope.hidden.add(v));
        if (shown) scope.hidden.delete(repeat);
        else scope.hidden.add(repeat);
        visibleQuestions[page.page.id] = shown ? page.questions.map((qp) => qp.q.name) : [];
        continue;
      }
      const shown: string[] = [];
      for (const qp of page.questions) {
        let visible = pageShown;
        if (visible && qp.relevant) {
          scope.selfValue = qp.variables.length ? fromAnswer(answers[qp.q.name]) : "";
          visible = qp.relevant.test(scope);
        }
        for (const v of qp.variables) {
          if (!visible) scope.hidden.add(v);
          else if (pass > 0) scope.hidden.delete(v);
        }
        let rowsShown = qp.rows.length;
        for (const r of qp.rows) {
          if (visible && r.relevant && !r.relevant.test(scope)) {
            scope.hidden.add(r.variable);
            rowsShown--;
          }
        }
        if (visible && (qp.rows.length === 0 || rowsShown > 0)) shown.push(qp.q.name);
      }
      visibleQuestions[page.page.id] = shown;
    }
    if (!plan.needsFixpoint) break;
    if (pass > 0 && before.size === scope.hidden.size && [...before].every((v) => scope.hidden.has(v))) break;
  }
  scope.forget();
  const calculated: Record<string, ExprValue> = {};
  for (const name of plan.calcs.keys()) calculated[name] = scope.get(name);
  return {
    answers, preload, now, timeZone: options.timeZone, today, ...(options.started ? { started: options.started } : {}),
    visiblePages: plan.pages.filter((p) => visibleQuestions[p.page.id].length > 0).map((p) => p.page.id),
    visibleQuestions,
    calculated,
    hidden: scope.hidden,
    ...(options.entry ? { entry: options.entry } : {}),
  };
}

/** A repeat page is shown unless its count says there are no entries (0, or not answered yet). */
function repeatAllowed(page: PagePlan, scope: StateScope): boolean {
  if (page.repeatCount === undefined) return true;
  const n = typeof page.repeatCount === "number" ? page.repeatCount : toNum(page.repeatCount.evaluate(scope));
  return Number.isFinite(n) && n >= 1;
}
