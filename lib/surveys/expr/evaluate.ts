import type { ExprNode } from "./ast";
import { CHOICE_LABEL_ARGS, type EvalScope, FUNCTIONS } from "./functions";
import { repeatEvaluator } from "./repeat-functions";
import { type ExprValue, compareValues, toBool, toNum, toStr, valuesEqual } from "./values";

export type Evaluator = (scope: EvalScope) => ExprValue;

/**
 * Turns a syntax tree into a tree of closures, once, so that evaluating it for each of
 * 100,000 respondents walks no switch statements. This interprets the tree; no source text
 * is ever turned into code.
 */
export function toEvaluator(node: ExprNode): Evaluator {
  switch (node.kind) {
    case "number": {
      const v = node.value;
      return () => v;
    }
    case "string": {
      const v = node.value;
      return () => v;
    }
    case "ref": {
      const name = node.name;
      return (s) => s.get(name);
    }
    case "self":
      return (s) => s.self();
    case "column": {
      const name = node.name;
      return (s) => s.column(name);
    }
    case "negate": {
      const arg = toEvaluator(node.arg);
      return (s) => -toNum(arg(s));
    }
    case "call": {
      const labelArgs = CHOICE_LABEL_ARGS[node.name];
      const field = labelArgs && node.args[labelArgs.field];
      if (field?.kind === "ref") {
        const code = toEvaluator(node.args[labelArgs.code]);
        const name = field.name;
        return (s) => {
          const c = toStr(code(s)).trim();
          return c === "" ? "" : (s.choiceLabel?.(name, c) ?? c);
        };
      }
      const overRepeat = repeatEvaluator(node, toEvaluator);
      return overRepeat ?? callEvaluator(node.name, node.args.map(toEvaluator));
    }
    case "binary":
      return binaryEvaluator(node.op, toEvaluator(node.left), toEvaluator(node.right));
  }
}

function callEvaluator(name: string, args: Evaluator[]): Evaluator {
  if (name === "if") {
    const [c, a, b] = args;
    return (s) => (toBool(c(s)) ? a(s) : b(s));
  }
  if (name === "coalesce") {
    // Lazy, so coalesce(${a}, expensive) does not evaluate the fallback needlessly.
    return (s) => {
      for (const arg of args) {
        const v = arg(s);
        if (!(v === "" || (Array.isArray(v) && v.length === 0))) return v;
      }
      return "";
    };
  }
  const impl = FUNCTIONS[name].impl;
  if (args.length === 0) return (s) => impl([], s);
  if (args.length === 1) {
    const [a] = args;
    return (s) => impl([a(s)], s);
  }
  if (args.length === 2) {
    const [a, b] = args;
    return (s) => impl([a(s), b(s)], s);
  }
  return (s) => impl(args.map((a) => a(s)), s);
}

function binaryEvaluator(op: string, l: Evaluator, r: Evaluator): Evaluator {
  switch (op) {
    case "or": return (s) => toBool(l(s)) || toBool(r(s));
    case "and": return (s) => toBool(l(s)) && toBool(r(s));
    case "=": return (s) => valuesEqual(l(s), r(s));
    case "!=": return (s) => !valuesEqual(l(s), r(s));
    case "<": case "<=": case ">": case ">=": {
      const rel = op;
      return (s) => compareValues(rel, l(s), r(s));
    }
    case "+": return (s) => toNum(l(s)) + toNum(r(s));
    case "-": return (s) => toNum(l(s)) - toNum(r(s));
    case "*": return (s) => toNum(l(s)) * toNum(r(s));
    case "div": return (s) => toNum(l(s)) / toNum(r(s));
    case "mod": return (s) => toNum(l(s)) % toNum(r(s));
    default: throw new Error(`Unknown operator ${op}`);
  }
}
