import type { Question, SurveyDefinition } from "./definition";
import type { Path } from "./texts";

/**
 * Where an expression sits decides what it may use: `.` only in a question's own
 * conditions, bare column names only where a choice row is being tested.
 */
export type ExpressionContext = "page" | "question" | "choice" | "row" | "calculate";

export interface ExpressionSite {
  source: string;
  path: Path;
  context: ExpressionContext;
  /** For question, choice and row contexts. */
  question?: Question;
  /** The calculate's name, for the calculate context. */
  calculate?: string;
}

type DefinitionLike = Pick<SurveyDefinition, "pages" | "calculates">;

/** Every expression in the definition, with its path and context. */
export function listExpressions(def: DefinitionLike): ExpressionSite[] {
  const out: ExpressionSite[] = [];
  def.pages.forEach((page, i) => {
    if (page.relevant) out.push({ source: page.relevant, path: ["pages", i, "relevant"], context: "page" });
    const count = page.repeat?.count;
    if (typeof count === "string") out.push({ source: count, path: ["pages", i, "repeat", "count"], context: "page" });
    page.questions.forEach((q, j) => {
      const path: Path = ["pages", i, "questions", j];
      const add = (source: string | boolean | undefined, key: Path, context: ExpressionContext) => {
        if (typeof source === "string") out.push({ source, path: [...path, ...key], context, question: q });
      };
      add(q.relevant, ["relevant"], "question");
      add(q.required, ["required"], "question");
      add(q.constraint, ["constraint"], "question");
      add(q.readOnly, ["readOnly"], "question");
      if (q.type === "single" || q.type === "multiple") add(q.choiceFilter, ["choiceFilter"], "choice");
      if (q.type === "single" || q.type === "multiple" || q.type === "matrix") {
        q.options.forEach((o, k) => {
          add(o.relevant, ["options", k, "relevant"], "choice");
          o.labelVariants?.forEach((v, m) => add(v.when, ["options", k, "labelVariants", m, "when"], "choice"));
        });
      }
      if (q.type === "matrix") q.rows.forEach((r, k) => add(r.relevant, ["rows", k, "relevant"], "row"));
    });
  });
  def.calculates.forEach((c, i) =>
    out.push({ source: c.calculation, path: ["calculates", i, "calculation"], context: "calculate", calculate: c.name }),
  );
  return out;
}
