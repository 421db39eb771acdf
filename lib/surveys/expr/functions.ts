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
  /** When the response began, for duration(); absent means "now" (duration 0). */
  readonly started?: Date;
  /**
   * Values of `${name}` over the entries of its repeat, in entry order (for the repeat's own
   * name, one value per entry); undefined when the name is not in a repeat.
   */
  repeatValues?(name: string): readonly ExprValue[] | undefined;
  /** 1-based number of the repeat entry being evaluated (position(..)); 0 outside one. */
  position?(): number;
  /** The label of option `code` of question `field` in the reader's language (choice-label()). */
  choiceLabel?(field: string, code: string): string;
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

/** Days since 1970-01-01 (with a fraction) from a date, a date-time, a time of day ("14:30": a fraction of a day) or a number. */
function daysOf(v: ExprValue): number {
  if (typeof v === "number") return v;
  const s = toStr(v).trim();
  const time = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (time) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400;
  if (/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(s)) {
    const ms = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
    return Number.isNaN(ms) ? Number.NaN : ms / 86_400_000;
  }
  return toNum(v);
}

/**
 * format-date-time(): format-date() plus hours, minutes and seconds. A date-time with an offset
 * (a datetime answer, "2022-05-10T14:30+02:00") shows its own clock, 14:30; others are in UTC.
 */
function formatDateTime(v: ExprValue, format: string): string {
  const wall = typeof v === "string" ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)[+-]\d{2}:\d{2}$/.exec(v.trim()) : null;
  const days = daysOf(wall ? `${wall[1]}Z` : v);
  if (!Number.isFinite(days)) return "";
  const d = new Date(Math.round(days * 86_400_000));
  if (Number.isNaN(d.getTime())) return "";
  const parts: Record<string, string> = {
    Y: String(d.getUTCFullYear()), y: pad(d.getUTCFullYear() % 100), m: pad(d.getUTCMonth() + 1), n: String(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()), e: String(d.getUTCDate()), H: pad(d.getUTCHours()), h: String(d.getUTCHours()),
    M: pad(d.getUTCMinutes()), S: pad(d.getUTCSeconds()), "3": pad(d.getUTCMilliseconds(), 3),
  };
  return format.replace(/%([YymndeHhMS3%])/g, (_, k: string) => (k === "%" ? "%" : parts[k] ?? ""));
}

function randomUuid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (ch) => ((Math.random() * 16) | (ch === "y" ? 8 : 0)).toString(16).slice(-1));
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
  // A single choice's code may contain spaces (pyxform allows it), so the whole value counts too.
  "selected": { min: 2, max: 2, impl: ([v, code]) => toList(v).includes(toStr(code).trim()) || (typeof v === "string" && v.trim() === toStr(code).trim() && v.trim() !== "") },
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
  "sqrt": num1(Math.sqrt),
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
  // Date-time functions of ODK and SurveyCTO forms; times are read and written in UTC.
  "format-date-time": { min: 2, max: 2, impl: ([d, f]) => formatDateTime(d, toStr(f)) },
  "decimal-date-time": { min: 1, max: 1, impl: ([v]) => daysOf(v) },
  "date-time": {
    min: 1, max: 1,
    impl: ([v]) => {
      const days = daysOf(v);
      return Number.isFinite(days) && Math.abs(days) < 1e8 ? new Date(Math.round(days * 86_400_000)).toISOString() : "";
    },
  },
  // once() keeps a value from changing later in ODK; a Panelwave calculate is recomputed, so
  // once(x) reads as x (random() and uuid() therefore vary between evaluations).
  "once": { min: 1, max: 1, impl: ([v]) => v },
  "random": { min: 0, max: 0, impl: () => Math.random() },
  "uuid": { min: 0, max: 1, impl: () => randomUuid() },
  /** SurveyCTO: seconds since the response began. */
  "duration": { min: 0, max: 0, impl: (_, s) => Math.max(0, Math.round((s.now.getTime() - (s.started ?? s.now).getTime()) / 1000)) },
  // Label of an option, in the reader's language: jr:choice-name(value, '${q}') (ODK) and
  // choice-label(${q}, value) (SurveyCTO). The evaluator passes the question's name itself.
  // Over a repeat (the evaluator passes the entries' values: REPEAT_ARGS); count(${r}) counts entries.
  "count": { min: 1, max: 1, impl: () => 0 },
  "sum": { min: 1, max: 1, impl: () => 0 },
  "indexed-repeat": { min: 3, max: 3, impl: () => "" },
  "position": { min: 0, max: 0, impl: (_, s) => s.position?.() ?? 0 },
  "jr:choice-name": { min: 2, max: 2, impl: () => "" },
  "choice-label": { min: 2, max: 2, impl: () => "" },
};

/** Functions whose first argument is a repeat or a field in one: `${name}` is required there. */
export const REPEAT_ARGS = new Set(["count", "sum", "indexed-repeat"]);

/** Which argument of a choice-label function names the question, and which holds the code. */
export const CHOICE_LABEL_ARGS: Record<string, { field: number; code: number }> = {
  "jr:choice-name": { field: 1, code: 0 },
  "choice-label": { field: 0, code: 1 },
};

