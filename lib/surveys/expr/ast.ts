/**
 * Syntax tree of the XLSForm expression language. Positions are 1-based character offsets
 * into the source, so an error can say "at position 14" and the researcher can count to it.
 */
export type BinaryOp =
  | "or" | "and"
  | "=" | "!="
  | "<" | "<=" | ">" | ">="
  | "+" | "-" | "*" | "div" | "mod";

export type ExprNode =
  | { kind: "number"; value: number; pos: number }
  | { kind: "string"; value: string; pos: number }
  /** `${name}`: a question, calculate or preload field. */
  | { kind: "ref"; name: string; pos: number }
  /** `.`: the value of the question the expression belongs to (constraints). */
  | { kind: "self"; pos: number }
  /** A bare name: a column of the choices sheet, only meaningful in choice filters. */
  | { kind: "column"; name: string; pos: number }
  | { kind: "call"; name: string; args: ExprNode[]; pos: number }
  | { kind: "negate"; arg: ExprNode; pos: number }
  | { kind: "binary"; op: BinaryOp; left: ExprNode; right: ExprNode; pos: number };

/** A syntax error with the 1-based position of the offending character. */
export class ExprSyntaxError extends Error {
  readonly position: number;
  /** The message without the position, e.g. `Unexpected ")"`. */
  readonly reason: string;
  /** Optional advice, e.g. `use a single "=" to compare`. */
  readonly hint?: string;
  constructor(reason: string, position: number, hint?: string) {
    super(`${reason} at position ${position}${hint ? `: ${hint}` : ""}`);
    this.hint = hint;
    this.name = "ExprSyntaxError";
    this.reason = reason;
    this.position = position;
  }
}

/** Names follow XLSForm: a letter or `_`, then letters, digits, `_`, `-` or `.`. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
