import type { ExprNode } from "./ast";
import type { EvalScope } from "./functions";
import { type ExprValue, isEmpty, toNum } from "./values";

type Evaluator = (scope: EvalScope) => ExprValue;

/** Numbers of the answered entries (an unanswered entry is left out, as a blank cell is by a spreadsheet). */
const answered = (values: readonly ExprValue[]) => values.filter((v) => !isEmpty(v)).map(toNum);

/**
 * count(), sum(), indexed-repeat(), and min()/max() of a single `${field}` in a repeat: these
 * read the field over every entry (EvalScope.repeatValues) instead of its one value. Returns
 * null for any other call. min()/max() of a field outside a repeat keep their ordinary meaning.
 */
export function repeatEvaluator(node: Extract<ExprNode, { kind: "call" }>, compile: (n: ExprNode) => Evaluator): Evaluator | null {
  const first = node.args[0];
  if (first?.kind !== "ref") return null;
  const name = first.name;
  switch (node.name) {
    case "count":
      return (s) => s.repeatValues?.(name)?.length ?? (isEmpty(s.get(name)) ? 0 : 1);
    case "sum":
      return (s) => {
        const values = s.repeatValues?.(name);
        return values ? answered(values).reduce((a, b) => a + b, 0) : toNum(s.get(name));
      };
    case "indexed-repeat": {
      const index = compile(node.args[2]);
      return (s) => s.repeatValues?.(name)?.[toNum(index(s)) - 1] ?? "";
    }
    case "min":
    case "max": {
      if (node.args.length !== 1) return null;
      const pick = node.name === "min" ? Math.min : Math.max;
      return (s) => {
        const values = s.repeatValues?.(name);
        if (!values) return toNum(s.get(name));
        const nums = answered(values);
        return nums.length ? pick(...nums) : Number.NaN;
      };
    }
    default:
      return null;
  }
}
