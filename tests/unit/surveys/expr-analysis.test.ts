import { describe, expect, it } from "vitest";
import {
  clearExpressionCache, compileExpression, parseExpression, referencedColumns, referencedNames, selfPosition, tryCompileExpression,
} from "../../../lib/surveys/expr/index";

describe("expression analysis", () => {
  it("lists each referenced name once, in order of appearance", () => {
    const ast = parseExpression("${b} = 1 and (${a} > ${b} or selected(${c}, 'x'))");
    expect(referencedNames(ast)).toEqual(["b", "a", "c"]);
  });

  it("finds bare choice columns and the current value", () => {
    const ast = parseExpression("county = ${state} and . != ''");
    expect(referencedColumns(ast)).toEqual([{ name: "county", pos: 1 }]);
    expect(selfPosition(ast)).toBe(23);
    expect(selfPosition(parseExpression("${a} = 1"))).toBe(0);
  });

  it("compiles each distinct source once", () => {
    clearExpressionCache();
    const a = compileExpression("${x} + 1");
    expect(compileExpression("${x} + 1")).toBe(a);
    expect(compileExpression("${x} + 2")).not.toBe(a);
  });

  it("reports errors without throwing through tryCompileExpression", () => {
    const r = tryCompileExpression("${a} +");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.position).toBe(7);
  });

  it("parses left-associative operators with XPath precedence", () => {
    const ast = parseExpression("1 or 2 and 3 = 4 < 5 + 6 * 7");
    expect(ast).toMatchObject({ kind: "binary", op: "or", right: { op: "and", right: { op: "=", right: { op: "<", right: { op: "+", right: { op: "*" } } } } } });
  });
});
