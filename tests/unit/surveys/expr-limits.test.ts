// Hostile expressions are refused by the parser with a located message instead of exhausting the
// stack, and whatever the parser accepts compiles, analyses and evaluates without overflowing.
import { describe, expect, it } from "vitest";
import { EXPRESSION_LIMITS, ExprSyntaxError, compileExpression, parseExpression, referencedNames } from "../../../lib/surveys/expr/index";
import { parseDefinition } from "../../../lib/surveys/index";
import { importXlsForm } from "../../../lib/surveys/xlsform/index";
import { buildWorkbook } from "../../fixtures/forms/workbook";
import { scope } from "./expr-helpers";

const syntaxError = (source: string): ExprSyntaxError => {
  try {
    parseExpression(source);
  } catch (e) {
    if (e instanceof ExprSyntaxError) return e;
    throw e;
  }
  throw new Error("the expression was accepted");
};
const parens = (n: number, inner = "1") => `${"(".repeat(n)}${inner}${")".repeat(n)}`;
const chain = (terms: number, term = "1", op = "or") => Array.from({ length: terms }, () => term).join(` ${op} `);

describe("expression limits", () => {
  it("refuses 100,000 nested parentheses and 60,000 chained or with a message, not a stack overflow", () => {
    expect(syntaxError(parens(100_000)).message).toBe("The expression is longer than 20000 characters at position 20001: split it into calculate fields");
    expect(syntaxError(chain(60_000)).reason).toBe("The expression is longer than 20000 characters");
  });

  it("refuses parentheses, calls or minus signs nested more than 100 deep, at the one that goes too deep", () => {
    expect(parseExpression(parens(100)).kind).toBe("number");
    const e = syntaxError(parens(101));
    expect([e.reason, e.position]).toEqual(["Parentheses and function calls nested more than 100 deep", 101]);
    expect(syntaxError(`${"not(".repeat(101)}1${")".repeat(101)}`).reason).toBe("Parentheses and function calls nested more than 100 deep");
    expect(syntaxError(`${"-".repeat(101)}1`).position).toBe(101);
  });

  it("refuses a tree deeper than 1,000 levels (a chain of a thousand or), inside the length limit", () => {
    expect(() => parseExpression(chain(1_000))).not.toThrow();
    const e = syntaxError(chain(1_001));
    expect(e.reason).toBe("The expression has more than 1000 operators and calls inside one another");
    expect(e.position).toBe(chain(1_000).length + 2);
  });

  it("compiles, analyses and evaluates the largest expressions it accepts", () => {
    const deepest = [
      chain(999, "${age} > 1"),
      chain(EXPRESSION_LIMITS.depth, "1", "+"),
      `${"not(".repeat(99)}${chain(800, "${age} = 1")}${")".repeat(99)}`,
      parens(100, chain(900, "1", "and")),
      `${"-".repeat(100)}1`,
      `concat(${Array.from({ length: 99 }, () => "'x'").join(",")})`,
    ];
    for (const source of deepest) {
      expect(source.length).toBeLessThanOrEqual(EXPRESSION_LIMITS.length);
      const compiled = compileExpression(source);
      expect(() => compiled.evaluate(scope())).not.toThrow();
      expect(() => compiled.test(scope())).not.toThrow();
      expect(() => referencedNames(compiled.ast)).not.toThrow();
    }
    expect(compileExpression(chain(999, "${age} > 1")).test(scope())).toBe(true);
    expect(compileExpression(chain(EXPRESSION_LIMITS.depth, "1", "+")).evaluate(scope())).toBe(1_000);
  });

  it("locates the refusal in a JSON definition by its field path", () => {
    const r = parseDefinition({
      title: { en: "T" }, languages: ["en"], defaultLanguage: "en",
      pages: [{ id: "p1", questions: [{ name: "q", type: "text", label: { en: "Q" }, relevant: parens(100_000) }] }],
    });
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.message])).toEqual([
      ["pages[0].questions[0].relevant", "The expression is longer than 20000 characters at position 20001: split it into calculate fields"],
    ]);
  });

  it("locates the refusal in an XLSForm by sheet, row and column", async () => {
    const r = await importXlsForm(await buildWorkbook({
      survey: [["type", "name", "label", "relevant"], ["integer", "age", "Age", ""], ["text", "b", "B", chain(1_001, "${age} > 1")]],
    }));
    expect(r.ok ? [] : r.errors.map((e) => ({ sheet: e.sheet, row: e.row, column: e.column, message: e.message }))).toEqual([
      { sheet: "survey", row: 3, column: "relevant", message: expect.stringContaining("more than 1000 operators and calls inside one another") },
    ]);
  });
});
