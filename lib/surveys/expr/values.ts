/**
 * Values and conversions of the expression language, following XPath 1.0 as used by XLSForm.
 *
 * Canonical in-memory forms: an empty answer is '' (null and undefined read as ''), a
 * multiple-choice answer is a string[] of option codes (a space-separated string is accepted
 * wherever a multiple-choice value is expected and behaves the same), numbers are numbers,
 * dates are 'YYYY-MM-DD' strings and months 'YYYY-MM'.
 */
export type ExprValue = string | number | boolean | readonly string[];

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;
const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Converts a stored answer to an expression value (null/undefined become ''). */
export function fromAnswer(v: unknown): ExprValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(String);
  return String(v);
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  // 0.1 + 0.2 should read 0.3, as a researcher expects.
  return String(Number.parseFloat(n.toPrecision(15)));
}

export function toStr(v: ExprValue): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return v.join(" ");
}

/** XPath number(): '' and non-numbers are NaN; ISO dates become days since 1970-01-01. */
export function toNum(v: ExprValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const s = typeof v === "string" ? v : v.join(" ");
  if (NUMERIC.test(s)) return Number(s);
  const d = ISO_DATE.exec(s);
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, d[3] ? Number(d[3]) : 1);
    return Math.round(ms / 86_400_000);
  }
  return Number.NaN;
}

/** XPath boolean(): non-empty strings (even 'false') and non-zero numbers are true. */
export function toBool(v: ExprValue): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0 && !Number.isNaN(v);
  return v.length > 0;
}

/** Codes of a multiple-choice value, whether held as an array or a space-separated string. */
export function toList(v: ExprValue): readonly string[] {
  if (Array.isArray(v)) return v as readonly string[];
  const s = toStr(v).trim();
  return s === "" ? [] : s.split(/\s+/);
}

export function isEmpty(v: ExprValue): boolean {
  if (typeof v === "string") return v.trim() === "";
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === "number" ? Number.isNaN(v) : false;
}

function isNumeric(v: ExprValue): boolean {
  if (typeof v === "number") return !Number.isNaN(v);
  return typeof v === "string" && NUMERIC.test(v);
}

/**
 * `=` and `!=`: booleans compare as booleans, two numeric sides as numbers, anything else
 * as strings (so '' = '' is true and '' = 0 is false).
 */
export function valuesEqual(a: ExprValue, b: ExprValue): boolean {
  if (typeof a === "boolean" || typeof b === "boolean") return toBool(a) === toBool(b);
  if (isNumeric(a) && isNumeric(b)) return toNum(a) === toNum(b);
  return toStr(a) === toStr(b);
}

/**
 * `<`, `<=`, `>`, `>=`: false when either side is empty (an unanswered age is neither
 * over nor under 18); numbers compare as numbers, everything else as strings, which
 * orders ISO dates and months correctly.
 */
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function compareValues(op: "<" | "<=" | ">" | ">=", a: ExprValue, b: ExprValue): boolean {
  let x: number | string;
  let y: number | string;
  if (typeof a === "boolean" || typeof b === "boolean") {
    x = toNum(a);
    y = toNum(b);
  } else if (isEmpty(a) || isEmpty(b)) {
    return false;
  } else if (isNumeric(a) && isNumeric(b)) {
    x = toNum(a);
    y = toNum(b);
  } else if (typeof a === "string" && typeof b === "string" && ZONED.test(a) && ZONED.test(b)) {
    // Two date-times with offsets (a datetime answer, now()) compare as instants.
    x = Date.parse(a);
    y = Date.parse(b);
    if (Number.isNaN(x) || Number.isNaN(y)) [x, y] = [a, b];
  } else {
    x = toStr(a);
    y = toStr(b);
  }
  switch (op) {
    case "<": return x < y;
    case "<=": return x <= y;
    case ">": return x > y;
    default: return x >= y;
  }
}
