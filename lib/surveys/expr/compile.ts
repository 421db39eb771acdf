import { type ExprNode, ExprSyntaxError } from "./ast";
import { referencedNames } from "./analysis";
import { type Evaluator, toEvaluator } from "./evaluate";
import type { EvalScope } from "./functions";
import { parseExpression } from "./parser";
import { type ExprValue, toBool } from "./values";

export interface CompiledExpression {
  readonly source: string;
  readonly ast: ExprNode;
  /** `${…}` names, each once. */
  readonly refs: readonly string[];
  readonly evaluate: Evaluator;
  /** Evaluates and converts to a boolean, XPath style (for relevant, required, constraint). */
  readonly test: (scope: EvalScope) => boolean;
}

const MAX_CACHE = 10_000;
const cache = new Map<string, CompiledExpression>();

/**
 * Parses and compiles an expression, caching by source text: a definition with the same
 * condition on forty questions compiles it once. Throws ExprSyntaxError.
 */
export function compileExpression(source: string): CompiledExpression {
  const hit = cache.get(source);
  if (hit) return hit;
  const ast = parseExpression(source);
  const evaluate = toEvaluator(ast);
  const compiled: CompiledExpression = {
    source,
    ast,
    refs: referencedNames(ast),
    evaluate,
    test: (scope) => toBool(evaluate(scope)),
  };
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

export type CompileResult =
  | { ok: true; compiled: CompiledExpression }
  | { ok: false; error: ExprSyntaxError };

/** compileExpression without throwing. */
export function tryCompileExpression(source: string): CompileResult {
  try {
    return { ok: true, compiled: compileExpression(source) };
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { ok: false, error: e };
    throw e;
  }
}

/** Forgets compiled expressions (the benchmark uses it to time a cold compile). */
export function clearExpressionCache(): void {
  cache.clear();
}

/** Convenience for tests and tools: evaluates source against a scope. */
export function evaluateExpression(source: string, scope: EvalScope): ExprValue {
  return compileExpression(source).evaluate(scope);
}
