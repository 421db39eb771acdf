// The XLSForm expression language: tokenizer → parser → closure tree → values.
export { type BinaryOp, type ExprNode, ExprSyntaxError, NAME_PATTERN } from "./ast";
export { EXPRESSION_LIMITS, parseExpression } from "./parser";
export { referencedNames, referencedColumns, referenceSites, selfPosition } from "./analysis";
export {
  type CompiledExpression, type CompileResult,
  compileExpression, tryCompileExpression, clearExpressionCache, evaluateExpression,
} from "./compile";
export { type EvalScope, FUNCTIONS } from "./functions";
export {
  type ExprValue, fromAnswer, toStr, toNum, toBool, toList, isEmpty, valuesEqual, compareValues, formatNumber,
} from "./values";
