import { type ExprValue, isEmpty, toBool, toList, toNum, toStr } from "./values";

/** What an expression can see while it is evaluated. The flow engine provides it. */
export interface EvalScope {
  /** Value of `${name}`; '' when unanswered or hidden. */
  get(name: string): ExprValue;
  /** Value of `.`, the question the expression belongs to. */
  self(): ExprValue;
  /** Value of a bare name: a column of the choice row being filtered. */
  column(name: string): ExprValue;
  /** Today's date as 'YYYY-MM-DD', derived from the `now` passed in by the caller. */
  readonly today: string;
  readonly now: Date;
}

type Impl = (args: ExprValue[], scope: EvalScope) => ExprValue;

export interface FunctionSpec {
  min: number;
  max: number;
  impl: Impl;
}

const regexCache = new Map<string, RegExp | null>();
export function cachedRegex(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function isoFromDays(days: number): string {
  if (!Number.isFinite(days)) return "";
  return new Date(Math.floor(days) * 86_400_000).toISOString().slice(0, 10);
}

function formatDate(v: ExprValue, format: string): string {
  const days = toNum(v);
  if (!Number.isFinite(days)) return "";
  const d = new Date(Math.floor(days) * 86_400_000);
  const parts: Record<string, string> = {
    Y: String(d.getUTCFullYear()), y: pad(d.getUTCFullYear() % 100),
    m: pad(d.getUTCMonth() + 1), n: String(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()), e: String(d.getUTCDate()),
  };
  return format.replace(/%([YymndeE%])/g, (_, k: string) => (k === "%" ? "%" : parts[k] ?? ""));
}

function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** Math.trunc(digits);
  return Math.round(Number((x * f).toPrecision(15))) / f;
}

const num1 = (f: (x: number) => number): FunctionSpec => ({ min: 1, max: 1, impl: ([a]) => f(toNum(a)) });
const str2 = (f: (a: string, b: string) => ExprValue): FunctionSpec => ({
  min: 2, max: 2, impl: ([a, b]) => f(toStr(a), toStr(b)),
});

/**
 * The function library. `if` is listed for arity checking; the evaluator short-circuits it.
 * Unknown names are a syntax error, so a typo never silently evaluates to false.
 */
export const FUNCTIONS: Record<string, FunctionSpec> = {
  "selected": { min: 2, max: 2, impl: ([v, code]) => toList(v).includes(toStr(code).trim()) },
  "selected-at": { min: 2, max: 2, impl: ([v, i]) => toList(v)[toNum(i)] ?? "" },
  "count-selected": { min: 1, max: 1, impl: ([v]) => toList(v).length },
  "join": { min: 2, max: 2, impl: ([sep, v]) => toList(v).join(toStr(sep)) },
  "not": { min: 1, max: 1, impl: ([v]) => !toBool(v) },
  "if": { min: 3, max: 3, impl: ([c, a, b]) => (toBool(c) ? a : b) },
  "true": { min: 0, max: 0, impl: () => true },
  "false": { min: 0, max: 0, impl: () => false },
  "boolean": { min: 1, max: 1, impl: ([v]) => toBool(v) },
  "boolean-from-string": { min: 1, max: 1, impl: ([v]) => ["true", "1"].includes(toStr(v).trim()) },
  "string": { min: 1, max: 1, impl: ([v]) => toStr(v) },
  "number": { min: 1, max: 1, impl: ([v]) => toNum(v) },
  "int": num1((x) => Math.trunc(x)),
  "abs": num1(Math.abs),
  "floor": num1(Math.floor),
  "ceiling": num1(Math.ceil),
  "round": { min: 1, max: 2, impl: ([v, d]) => roundTo(toNum(v), d === undefined ? 0 : toNum(d)) },
  "pow": { min: 2, max: 2, impl: ([a, b]) => toNum(a) ** toNum(b) },
  "min": { min: 1, max: 99, impl: (args) => Math.min(...args.map(toNum)) },
  "max": { min: 1, max: 99, impl: (args) => Math.max(...args.map(toNum)) },
  "string-length": { min: 0, max: 1, impl: (args, s) => [...toStr(args.length ? args[0] : s.self())].length },
  "normalize-space": { min: 1, max: 1, impl: ([v]) => toStr(v).trim().replace(/\s+/g, " ") },
  "concat": { min: 0, max: 99, impl: (args) => args.map(toStr).join("") },
  "contains": str2((a, b) => a.includes(b)),
  "starts-with": str2((a, b) => a.startsWith(b)),
  "ends-with": str2((a, b) => a.endsWith(b)),
  "substring-before": str2((a, b) => (a.includes(b) ? a.slice(0, a.indexOf(b)) : "")),
  "substring-after": str2((a, b) => (a.includes(b) ? a.slice(a.indexOf(b) + b.length) : "")),
  "substr": {
    min: 2, max: 3,
    impl: ([s, start, end]) => {
      const str = toStr(s);
      const from = Math.max(0, Math.trunc(toNum(start)) || 0);
      const to = end === undefined ? str.length : Math.max(from, Math.trunc(toNum(end)) || 0);
      return str.slice(from, to);
    },
  },
  "coalesce": { min: 2, max: 99, impl: (args) => args.find((a) => !isEmpty(a)) ?? "" },
  "regex": {
    min: 2, max: 2,
    impl: ([s, p]) => cachedRegex(toStr(p))?.test(toStr(s)) ?? false,
  },
  "today": { min: 0, max: 0, impl: (_, s) => s.today },
  "now": { min: 0, max: 0, impl: (_, s) => s.now.toISOString() },
  "date": { min: 1, max: 1, impl: ([v]) => (typeof v === "number" ? isoFromDays(v) : isoFromDays(toNum(v))) },
  "format-date": { min: 2, max: 2, impl: ([d, f]) => formatDate(d, toStr(f)) },
};

