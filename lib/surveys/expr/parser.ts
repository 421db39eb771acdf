import { type BinaryOp, type ExprNode, ExprSyntaxError, NAME_PATTERN } from "./ast";
import { CHOICE_LABEL_ARGS, FUNCTIONS, REPEAT_ARGS, cachedRegex } from "./functions";
import { type Token, describeToken, tokenize } from "./tokenizer";
import { closestName } from "../suggest";
import { foreignFunction } from "./foreign-functions";


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
 * Limits that keep hostile input from exhausting the stack: the parser recurses once per
 * parenthesis, call or unary minus, and compiling, evaluating and analysing a tree recurse once
 * per level of it. Real conditions are a few hundred characters, a few levels deep and chain at
 * most a few dozen `or`s; these leave a wide margin above that and well below any engine's stack.
 */
export const EXPRESSION_LIMITS = {
  /** Characters in one expression. */
  length: 20_000,
  /** Parentheses, function calls and unary minus inside one another. */
  nesting: 100,
  /** Levels of the syntax tree: every operator of a chain like `a or b or c` adds one. */
  depth: 1_000,
} as const;
const SPLIT_HINT = "split it into calculate fields";

/**
 * Parses an XLSForm expression into a tree. Throws ExprSyntaxError with a 1-based position,
 * e.g. `Unexpected ")" at position 14`. Unknown functions and wrong argument counts are
 * syntax errors too, so they surface when a form is imported rather than when a
 * respondent reaches the question.
 */
export function parseExpression(source: string): ExprNode {
  if (source.trim() === "") throw new ExprSyntaxError("Empty expression", 1);
  if (source.length > EXPRESSION_LIMITS.length) {
    throw new ExprSyntaxError(`The expression is longer than ${EXPRESSION_LIMITS.length} characters`, EXPRESSION_LIMITS.length + 1, SPLIT_HINT);
  }
  const tokens = tokenize(source);
  let i = 0;
  // Height of each subtree built so far (leaves are 1), to refuse a tree deeper than the limit.
  const heights = new WeakMap<ExprNode, number>();
  const height = (n: ExprNode) => heights.get(n) ?? 1;
  const built = <N extends ExprNode>(node: N, children: ExprNode[]): N => {
    const h = 1 + Math.max(0, ...children.map(height));
    if (h > EXPRESSION_LIMITS.depth) {
      throw new ExprSyntaxError(`The expression has more than ${EXPRESSION_LIMITS.depth} operators and calls inside one another`, node.pos, SPLIT_HINT);
    }
    heights.set(node, h);
    return node;
  };
  let nesting = 0;
  const nested = <T>(pos: number, parse: () => T): T => {
    if (++nesting > EXPRESSION_LIMITS.nesting) {
      throw new ExprSyntaxError(`Parentheses and function calls nested more than ${EXPRESSION_LIMITS.nesting} deep`, pos, SPLIT_HINT);
    }
    try {
      return parse();
    } finally {
      nesting--;
    }
  };
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
      left = built({ kind: "binary", op, left, right, pos: t.pos }, [left, right]);
    }
  }

  function parseUnary(): ExprNode {
    const t = peek();
    if (t.type === "op" && t.text === "-") {
      next();
      const arg = nested(t.pos, parseUnary);
      return built({ kind: "negate", arg, pos: t.pos }, [arg]);
    }
    return parsePrimary();
  }

  function parseCall(nameTok: Token): ExprNode {
    const open = next(); // "("
    const name = nameTok.text;
    const spec = FUNCTIONS[name];
    if (!spec) {
      const foreign = foreignFunction(name);
      if (foreign) throw new ExprSyntaxError(`Function "${name}()" is not supported`, nameTok.pos, foreign);
      const near = closestName(name, Object.keys(FUNCTIONS));
      throw new ExprSyntaxError(`Unknown function "${name}()"`, nameTok.pos, near ? `did you mean ${near}()?` : undefined);
    }
    const args: ExprNode[] = [];
    if (peek().type !== ")") {
      for (;;) {
        args.push(nested(nameTok.pos, () => parseLevel(0)));
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
    const labelArgs = CHOICE_LABEL_ARGS[name];
    if (labelArgs) {
      // ODK quotes the question: jr:choice-name(${q}, '${q}'); read it as the reference it names.
      const f = args[labelArgs.field];
      const quoted = f.kind === "string" ? /^\s*\$\{\s*([^}]+?)\s*\}\s*$/.exec(f.value) : null;
      if (quoted && NAME_PATTERN.test(quoted[1])) args[labelArgs.field] = { kind: "ref", name: quoted[1], pos: f.pos + 1 };
      else if (f.kind !== "ref") throw new ExprSyntaxError(`${name}() needs the question as ${labelArgs.field === 1 ? "'${name}'" : "${name}"}`, f.pos);
    }
    if (REPEAT_ARGS.has(name) && args[0].kind !== "ref") {
      throw new ExprSyntaxError(`${name}() needs a repeat or a question in one, like ${name}(\${members})`, args[0].pos);
    }
    if (name === "indexed-repeat" && args[1].kind !== "ref") {
      throw new ExprSyntaxError("indexed-repeat() needs the repeat as its second argument, like indexed-repeat(${age}, ${members}, 1)", args[1].pos);
    }
    if (name === "regex" && args[1].kind === "string" && cachedRegex(args[1].value) === null) {
      throw new ExprSyntaxError(`Invalid regular expression '${args[1].value}'`, args[1].pos);
    }
    return built({ kind: "call", name, args, pos: nameTok.pos }, args);
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
        // Bare true/false/null, as forms converted by pyxform use them: the boolean, or empty.
        if (t.text === "true" || t.text === "false") return { kind: "call", name: t.text, args: [], pos: t.pos };
        if (t.text === "null") return { kind: "string", value: "", pos: t.pos };
        return { kind: "column", name: t.text, pos: t.pos };
      case "(": {
        const inner = nested(t.pos, () => parseLevel(0));
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
