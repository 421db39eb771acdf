import { type BinaryOp, type ExprNode, ExprSyntaxError } from "./ast";
import { FUNCTIONS, cachedRegex } from "./functions";
import { type Token, describeToken, tokenize } from "./tokenizer";
import { closestName } from "../suggest";

// XPath precedence, loosest first.
const LEVELS: readonly (readonly BinaryOp[])[] = [
  ["or"],
  ["and"],
  ["=", "!="],
  ["<", "<=", ">", ">="],
  ["+", "-"],
  ["*", "div", "mod"],
];
const WORD_OPS = new Set(["or", "and", "div", "mod"]);

/**
 * Parses an XLSForm expression into a tree. Throws ExprSyntaxError with a 1-based position,
 * e.g. `Unexpected ")" at position 14`. Unknown functions and wrong argument counts are
 * syntax errors too, so they surface when a form is imported rather than when a
 * respondent reaches the question.
 */
export function parseExpression(source: string): ExprNode {
  if (source.trim() === "") throw new ExprSyntaxError("Empty expression", 1);
  const tokens = tokenize(source);
  let i = 0;
  const peek = (): Token => tokens[i];
  const next = (): Token => tokens[i++];

  const opAt = (t: Token): BinaryOp | null => {
    if (t.type === "op") return t.text as BinaryOp;
    if (t.type === "name" && WORD_OPS.has(t.text)) return t.text as BinaryOp;
    return null;
  };

  const unexpected = (t: Token): never => {
    if (t.type === "eof") throw new ExprSyntaxError("Unexpected end of expression", t.pos);
    throw new ExprSyntaxError(`Unexpected ${describeToken(t)}`, t.pos);
  };

  function parseLevel(level: number): ExprNode {
    if (level === LEVELS.length) return parseUnary();
    let left = parseLevel(level + 1);
    for (;;) {
      const op = opAt(peek());
      if (!op || !LEVELS[level].includes(op)) return left;
      const t = next();
      const right = parseLevel(level + 1);
      left = { kind: "binary", op, left, right, pos: t.pos };
    }
  }

  function parseUnary(): ExprNode {
    const t = peek();
    if (t.type === "op" && t.text === "-") {
      next();
      return { kind: "negate", arg: parseUnary(), pos: t.pos };
    }
    return parsePrimary();
  }

  function parseCall(nameTok: Token): ExprNode {
    const open = next(); // "("
    const name = nameTok.text;
    const spec = FUNCTIONS[name];
    if (!spec) {
      const near = closestName(name, Object.keys(FUNCTIONS));
      throw new ExprSyntaxError(`Unknown function "${name}()"`, nameTok.pos, near ? `did you mean ${near}()?` : undefined);
    }
    const args: ExprNode[] = [];
    if (peek().type !== ")") {
      for (;;) {
        args.push(parseLevel(0));
        const t = peek();
        if (t.type === ",") { next(); continue; }
        if (t.type === ")") break;
        if (t.type === "eof") throw new ExprSyntaxError(`Missing ")" to close "${name}(" opened`, open.pos);
        throw new ExprSyntaxError(`Unexpected ${describeToken(t)}`, t.pos, 'expected "," or ")"');
      }
    }
    next(); // ")"
    if (args.length < spec.min || args.length > spec.max) {
      const want = spec.min === spec.max ? `${spec.min}` : spec.max >= 99 ? `at least ${spec.min}` : `${spec.min} to ${spec.max}`;
      const plural = spec.min === 1 && spec.max === 1 ? "argument" : "arguments";
      throw new ExprSyntaxError(`${name}() takes ${want} ${plural} but got ${args.length}`, nameTok.pos);
    }
    if (name === "regex" && args[1].kind === "string" && cachedRegex(args[1].value) === null) {
      throw new ExprSyntaxError(`Invalid regular expression '${args[1].value}'`, args[1].pos);
    }
    return { kind: "call", name, args, pos: nameTok.pos };
  }

  function parsePrimary(): ExprNode {
    const t = next();
    switch (t.type) {
      case "number": return { kind: "number", value: t.value ?? Number(t.text), pos: t.pos };
      case "string": return { kind: "string", value: t.text, pos: t.pos };
      case "ref": return { kind: "ref", name: t.text, pos: t.pos };
      case ".": return { kind: "self", pos: t.pos };
      case "name":
        if (peek().type === "(") return parseCall(t);
        if (WORD_OPS.has(t.text)) return unexpected(t);
        return { kind: "column", name: t.text, pos: t.pos };
      case "(": {
        const inner = parseLevel(0);
        const close = peek();
        if (close.type === "eof") throw new ExprSyntaxError('Missing ")" to close "(" opened', t.pos);
        if (close.type !== ")") return unexpected(close);
        next();
        return inner;
      }
      default:
        return unexpected(t);
    }
  }

  const ast = parseLevel(0);
  if (peek().type !== "eof") unexpected(peek());
  return ast;
}
