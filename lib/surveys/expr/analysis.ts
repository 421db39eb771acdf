import type { ExprNode } from "./ast";

function walk(node: ExprNode, visit: (n: ExprNode) => void): void {
  visit(node);
  if (node.kind === "call") node.args.forEach((a) => walk(a, visit));
  else if (node.kind === "negate") walk(node.arg, visit);
  else if (node.kind === "binary") {
    walk(node.left, visit);
    walk(node.right, visit);
  }
}

/** Every `${name}` in the expression, once each, in order of first appearance. */
export function referencedNames(ast: ExprNode): string[] {
  const seen = new Set<string>();
  walk(ast, (n) => { if (n.kind === "ref") seen.add(n.name); });
  return [...seen];
}

/** The `${name}` references with their positions, for error messages. */
export function referenceSites(ast: ExprNode): { name: string; pos: number }[] {
  const out: { name: string; pos: number }[] = [];
  walk(ast, (n) => { if (n.kind === "ref") out.push({ name: n.name, pos: n.pos }); });
  return out;
}

/** Bare names (choice-sheet columns in a choice filter), with their first position. */
export function referencedColumns(ast: ExprNode): { name: string; pos: number }[] {
  const out = new Map<string, number>();
  walk(ast, (n) => { if (n.kind === "column" && !out.has(n.name)) out.set(n.name, n.pos); });
  return [...out].map(([name, pos]) => ({ name, pos }));
}

/** Position of the first `.` (current value), or 0 when the expression has none. */
export function selfPosition(ast: ExprNode): number {
  let pos = 0;
  walk(ast, (n) => { if (n.kind === "self" && pos === 0) pos = n.pos; });
  return pos;
}
