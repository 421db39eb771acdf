import type { DefinitionShape, Report } from "./definition-checks";
import { listExpressions, type ExpressionSite } from "./expression-sites";
import { referencedColumns, referenceSites, selfPosition } from "./expr/analysis";
import { tryCompileExpression } from "./expr/compile";
import { closestName } from "./suggest";
import { listTexts } from "./texts";
import { type VariableInfo, hasValue } from "./variables";
import { pipedNames } from "./pipe-template";

/** Syntax, references, `.` and bare names of every expression; piped names; calculation cycles. */
export function checkExpressions(def: DefinitionShape, variables: Map<string, VariableInfo>, report: Report): void {
  const calcRefs = new Map<string, readonly string[]>();
  for (const site of listExpressions(def)) {
    const result = tryCompileExpression(site.source);
    if (!result.ok) {
      report(site.path, result.error.message);
      continue;
    }
    const ast = result.compiled.ast;
    for (const ref of referenceSites(ast)) {
      const problem = referenceProblem(ref.name, variables);
      if (problem) report(site.path, `\${${ref.name}} at position ${ref.pos} ${problem}`);
    }
    const self = selfPosition(ast);
    if (self && site.context !== "question") {
      report(site.path, `"." (the current answer) at position ${self} can only be used in a question's own constraint, required, relevant or read-only condition`);
    }
    for (const col of referencedColumns(ast)) {
      const problem = columnProblem(col.name, col.pos, site, variables);
      if (problem) report(site.path, problem);
    }
    if (site.calculate) calcRefs.set(site.calculate, result.compiled.refs);
  }
  for (const site of listTexts(def)) {
    for (const [lang, value] of Object.entries(site.text)) {
      for (const name of pipedNames(value)) {
        const problem = referenceProblem(name, variables);
        if (problem) report([...site.path, lang], `Piped \${${name}} ${problem}`);
      }
    }
  }
  checkCycles(def, calcRefs, report);
}

const suggestions = new WeakMap<Map<string, VariableInfo>, Map<string, string | undefined>>();

/** Why `${name}` cannot be used ("does not match …"), or null when it can. */
export function referenceProblem(name: string, variables: Map<string, VariableInfo>): string | null {
  const v = variables.get(name);
  if (!v) {
    // Memoised per variables map: a form that pipes one unknown name in 20 languages asks 20 times.
    let memo = suggestions.get(variables);
    if (!memo) suggestions.set(variables, (memo = new Map()));
    if (!memo.has(name)) memo.set(name, closestName(name, [...variables.values()].filter(hasValue).map((x) => x.name)));
    const near = memo.get(name);
    return `does not match any question, calculate or preload field${near ? `; did you mean \${${near}}?` : ""}`;
  }
  if (v.kind === "note") return "is a note and has no value";
  if (v.kind === "matrix") return `is a matrix; refer to one of its rows, e.g. \${${name}_${v.question && "rows" in v.question ? v.question.rows[0].code : "row"}}`;
  return null;
}

function columnProblem(name: string, pos: number, site: ExpressionSite, variables: Map<string, VariableInfo>): string | null {
  const q = site.question;
  if (site.context === "choice" && q && "options" in q) {
    const columns = new Set(["name"]);
    q.options.forEach((o) => Object.keys(o.filter ?? {}).forEach((k) => columns.add(k)));
    if (columns.has(name)) return null;
    const hint = variables.has(name) ? `; write \${${name}} to refer to the field` : "";
    return `Unknown choice column "${name}" at position ${pos}; the options of "${q.name}" have: ${[...columns].join(", ")}${hint}`;
  }
  const hint = variables.has(name) ? `write \${${name}} to refer to the field` : "bare names are choice columns, usable only in choice filters";
  return `Unexpected name "${name}" at position ${pos}: ${hint}`;
}

function checkCycles(def: DefinitionShape, calcRefs: Map<string, readonly string[]>, report: Report): void {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (name: string): void => {
    state.set(name, "visiting");
    stack.push(name);
    for (const dep of calcRefs.get(name) ?? []) {
      if (!calcRefs.has(dep)) continue;
      if (state.get(dep) === "visiting") {
        const cycle = [...stack.slice(stack.indexOf(dep)), dep];
        const index = def.calculates.findIndex((c) => c.name === dep);
        if (!reported.has(dep)) report(["calculates", index, "calculation"], `Calculation cycle: ${cycle.join(" → ")}`);
        cycle.forEach((c) => reported.add(c));
      } else if (!state.has(dep)) {
        visit(dep);
      }
    }
    stack.pop();
    state.set(name, "done");
  };
  for (const c of def.calculates) if (!state.has(c.name)) visit(c.name);
}
