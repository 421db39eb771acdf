import { ExprSyntaxError, NAME_PATTERN } from "./ast";

export type TokenType = "number" | "string" | "ref" | "name" | "op" | "(" | ")" | "," | "." | "eof";

export interface Token {
  type: TokenType;
  /** Operator symbol, name, reference name or string contents. */
  text: string;
  value?: number;
  /** 1-based position of the first character. */
  pos: number;
}

const isDigit = (c: string) => c >= "0" && c <= "9";
const isNameStart = (c: string) => /[A-Za-z_]/.test(c);
const isNameChar = (c: string) => /[A-Za-z0-9_.:-]/.test(c);

/** Characters Excel's autocorrect likes to put in formulas. */
const CURLY_QUOTES = "\u2018\u2019\u201C\u201D\u00AB\u00BB";

/** Splits an expression into tokens; throws ExprSyntaxError naming the position. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    const pos = i + 1;
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u00A0") {
      i++;
      continue;
    }
    if (c === "$") {
      if (source[i + 1] !== "{") throw new ExprSyntaxError('Unexpected "$"', pos, "write ${name} to refer to a field");
      const end = source.indexOf("}", i + 2);
      if (end < 0) throw new ExprSyntaxError('Unterminated reference "${"', pos);
      const name = source.slice(i + 2, end).trim();
      if (name === "") throw new ExprSyntaxError('Empty reference "${}"', pos);
      if (!NAME_PATTERN.test(name)) throw new ExprSyntaxError(`Invalid name "${name}" in reference`, pos);
      tokens.push({ type: "ref", text: name, pos });
      i = end + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new ExprSyntaxError("Unterminated string starting", pos);
      tokens.push({ type: "string", text: source.slice(i + 1, end), pos });
      i = end + 1;
      continue;
    }
    if (CURLY_QUOTES.includes(c)) {
      throw new ExprSyntaxError(`Unexpected curly quote "${c}"`, pos, `use straight quotes ' or "`);
    }
    if (isDigit(c) || (c === "." && isDigit(source[i + 1] ?? ""))) {
      let j = i;
      while (j < n && isDigit(source[j])) j++;
      if (source[j] === "." && isDigit(source[j + 1] ?? "")) {
        j++;
        while (j < n && isDigit(source[j])) j++;
      } else if (source[j] === "." && !isNameStart(source[j + 1] ?? "")) {
        j++; // "5." is a number in XPath
      }
      const text = source.slice(i, j);
      tokens.push({ type: "number", text, value: Number(text), pos });
      i = j;
      continue;
    }
    if (c === ".") {
      if (source[i + 1] === ".") {
        // position(..) is the only parent step XLSForms use: the number of the current repeat entry.
        const prev = tokens.slice(-2);
        if (prev[0]?.text === "position" && prev[1]?.type === "(" && /^\s*\)/.test(source.slice(i + 2))) {
          i += 2;
          continue;
        }
        throw new ExprSyntaxError('Unexpected ".."', pos, "parent steps are not supported; use ${name}");
      }
      tokens.push({ type: ".", text: ".", pos });
      i++;
      continue;
    }
    if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNameChar(source[j])) j++;
      tokens.push({ type: "name", text: source.slice(i, j), pos });
      i = j;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      tokens.push({ type: c, text: c, pos });
      i++;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === "!=" || two === "<=" || two === ">=") {
      tokens.push({ type: "op", text: two, pos });
      i += 2;
      continue;
    }
    if (two === "==") throw new ExprSyntaxError('Unexpected "=="', pos, 'use a single "=" to compare');
    if (two === "&&") throw new ExprSyntaxError('Unexpected "&&"', pos, 'use "and"');
    if (two === "||") throw new ExprSyntaxError('Unexpected "||"', pos, 'use "or"');
    if (c === "=" || c === "<" || c === ">" || c === "+" || c === "-" || c === "*") {
      tokens.push({ type: "op", text: c, pos });
      i++;
      continue;
    }
    if (c === "!") throw new ExprSyntaxError('Unexpected "!"', pos, 'use "!=" or not()');
    if (c === "/") throw new ExprSyntaxError('Unexpected "/"', pos, 'divide with "div"; paths are not supported');
    if (c === "%") throw new ExprSyntaxError('Unexpected "%"', pos, 'use "mod"');
    throw new ExprSyntaxError(`Unexpected "${c}"`, pos);
  }
  tokens.push({ type: "eof", text: "", pos: n + 1 });
  return tokens;
}

/** How a token is quoted in an error message. */
export function describeToken(t: Token): string {
  switch (t.type) {
    case "eof": return "end of expression";
    case "string": return `'${t.text}'`;
    case "ref": return `"\${${t.text}}"`;
    default: return `"${t.text}"`;
  }
}
