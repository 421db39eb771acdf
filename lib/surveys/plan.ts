import type { MatrixRow, Option, Page, Question, SurveyDefinition, Text } from "./definition";
import { type CompiledExpression, compileExpression } from "./expr/compile";
import { matrixRowVariable, otherVariable } from "./variables";

/** A definition compiled once for evaluation: expressions parsed, names indexed. */
export interface OptionPlan {
  option: Option;
  relevant?: CompiledExpression;
  variants: { when: CompiledExpression; label: Text }[];
  /** What bare names read while this option is tested: its filter columns and `name`. */
  columns: Readonly<Record<string, string>>;
}
export interface RowPlan {
  row: MatrixRow;
  variable: string;
  relevant?: CompiledExpression;
}
export interface QuestionPlan {
  q: Question;
  /** Position in document order over all pages. */
  index: number;
  pageIndex: number;
  relevant?: CompiledExpression;
  required: boolean | CompiledExpression;
  readOnly: boolean | CompiledExpression;
  constraint?: CompiledExpression;
  choiceFilter?: CompiledExpression;
  options: OptionPlan[];
  optionByCode: Map<string, OptionPlan>;
  rows: RowPlan[];
  /** The `<name>_other` variable, when the question has "other, specify". */
  otherVariable?: string;
  /** Every variable the question owns: its name, `_other`, matrix rows. */
  variables: string[];
}
export interface PagePlan {
  page: Page;
  index: number;
  relevant?: CompiledExpression;
  questions: QuestionPlan[];
  /** The repeat's number of entries, when fixed or computed (repeat_count). */
  repeatCount?: number | CompiledExpression;
}
export interface Plan {
  def: SurveyDefinition;
  pages: PagePlan[];
  pageById: Map<string, PagePlan>;
  questions: QuestionPlan[];
  byName: Map<string, QuestionPlan>;
  /** Variable name → owning question. */
  owner: Map<string, QuestionPlan>;
  calcs: Map<string, CompiledExpression>;
  /** Repeat name → its page. */
  repeats: Map<string, PagePlan>;
  /** Variable of a repeat page → the repeat's name. */
  repeatOf: Map<string, string>;
  /** True when some condition looks at a later question, so one pass is not enough. */
  needsFixpoint: boolean;
}

const plans = new WeakMap<SurveyDefinition, Plan>();

function compile(source: string | undefined, where: string): CompiledExpression | undefined {
  if (source === undefined) return undefined;
  try {
    return compileExpression(source);
  } catch (e) {
    throw new Error(`Invalid expression in ${where}: ${(e as Error).message}. Validate definitions with surveyDefinitionSchema first.`);
  }
}
const flag = (v: boolean | string | undefined, where: string) =>
  typeof v === "string" ? compile(v, where)! : v === true;

/** The compiled plan of a validated definition, cached per definition object. */
export function getPlan(def: SurveyDefinition): Plan {
  let plan = plans.get(def);
  if (!plan) {
    plan = buildPlan(def);
    plans.set(def, plan);
  }
  return plan;
}

function buildPlan(def: SurveyDefinition): Plan {
  const questions: QuestionPlan[] = [];
  const owner = new Map<string, QuestionPlan>();
  const pages = def.pages.map((page, pageIndex): PagePlan => {
    const qs = page.questions.map((q): QuestionPlan => {
      const at = `question "${q.name}"`;
      const hasOptions = q.type === "single" || q.type === "multiple" || q.type === "matrix";
      const other = (q.type === "single" || q.type === "multiple") && q.other ? otherVariable(q.name) : undefined;
      const rows = q.type === "matrix"
        ? q.rows.map((row) => ({ row, variable: matrixRowVariable(q.name, row.code), relevant: compile(row.relevant, at) }))
        : [];
      const plan: QuestionPlan = {
        q, index: questions.length, pageIndex,
        relevant: compile(q.relevant, at),
        required: flag(q.required, at),
        readOnly: flag(q.readOnly, at),
        constraint: compile(q.constraint, at),
        choiceFilter: compile(q.type === "single" || q.type === "multiple" ? q.choiceFilter : undefined, at),
        options: hasOptions
          ? q.options.map((option) => ({
              option,
              relevant: compile(option.relevant, at),
              variants: (option.labelVariants ?? []).map((v) => ({ when: compile(v.when, at)!, label: v.label })),
              columns: { ...option.filter, name: option.code },
            }))
          : [],
        optionByCode: new Map(),
        rows,
        otherVariable: other,
        variables: q.type === "note" ? [] : q.type === "matrix" ? rows.map((r) => r.variable) : other ? [q.name, other] : [q.name],
      };
      plan.options.forEach((op) => plan.optionByCode.set(op.option.code, op));
      questions.push(plan);
      plan.variables.forEach((v) => owner.set(v, plan));
      return plan;
    });
    const count = page.repeat?.count;
    const repeatCount = typeof count === "string" ? compile(count, `repeat "${page.repeat!.name}"`) : count;
    return { page, index: pageIndex, relevant: compile(page.relevant, `page "${page.id}"`), questions: qs, ...(repeatCount !== undefined ? { repeatCount } : {}) };
  });
  const calcs = new Map(def.calculates.map((c) => [c.name, compile(c.calculation, `calculate "${c.name}"`)!]));
  const pageById = new Map(pages.map((p) => [p.page.id, p]));
  const byName = new Map(questions.map((q) => [q.q.name, q]));
  const repeats = new Map(pages.filter((p) => p.page.repeat).map((p) => [p.page.repeat!.name, p]));
  const repeatOf = new Map<string, string>();
  for (const [name, p] of repeats) for (const qp of p.questions) qp.variables.forEach((v) => repeatOf.set(v, name));
  return { def, pages, pageById, questions, byName, owner, calcs, repeats, repeatOf, needsFixpoint: detectForwardReferences(pages, owner, calcs) };
}

/**
 * Conditions normally look back at earlier answers; then visibility is settled in one pass
 * in document order. A condition that (directly or through calculates) reads its own
 * question or a later one needs passes until nothing changes.
 */
function detectForwardReferences(pages: PagePlan[], owner: Map<string, QuestionPlan>, calcs: Map<string, CompiledExpression>): boolean {
  const reach = new Map<string, number>(); // calc → highest question index it reads
  const maxIndex = (refs: readonly string[], seen: Set<string>): number => {
    let max = -1;
    for (const r of refs) {
      const q = owner.get(r);
      if (q) max = Math.max(max, q.index);
      const calc = calcs.get(r);
      if (calc && !seen.has(r)) {
        seen.add(r);
        if (!reach.has(r)) reach.set(r, maxIndex(calc.refs, seen));
        max = Math.max(max, reach.get(r)!);
      }
    }
    return max;
  };
  const reads = (e: CompiledExpression | boolean | undefined) => (typeof e === "object" ? maxIndex(e.refs, new Set()) : -1);
  for (const page of pages) {
    const first = page.questions[0]?.index ?? 0;
    if (reads(page.relevant) >= first) return true;
    for (const q of page.questions) {
      if (reads(q.relevant) >= q.index) return true;
      if (q.rows.some((r) => reads(r.relevant) >= q.index)) return true;
    }
  }
  return false;
}
