import type { AnswerValue, SubmittedValue } from "./answers";
import type { Question } from "./definition";
import type { MessageKey } from "./messages";
import { parseDateInput, parseDateTimeInput, parseMonthInput, parseTimeInput } from "./date-input";
import { DEFAULT_TIME_ZONE } from "../i18n/study-time-zone";

export type Coerced =
  | { value: AnswerValue | undefined; error?: undefined }
  | { value?: undefined; error: MessageKey; params?: Record<string, string | number> };

export const MAX_TEXT = 2000;
export const MAX_TEXTAREA = 20_000;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is the mailer's job.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function single(raw: SubmittedValue): string | { tooMany: true } {
  if (Array.isArray(raw)) {
    const filled = raw.map((s) => String(s).trim()).filter(Boolean);
    return filled.length > 1 ? { tooMany: true } : (filled[0] ?? "");
  }
  if (raw === null || raw === undefined) return "";
  return typeof raw === "string" ? raw.trim() : String(raw);
}

/** A free-text value: trimmed, line endings normalised, length capped. */
export function coerceText(raw: SubmittedValue, max: number): Coerced {
  const s = single(raw);
  if (typeof s !== "string") return { error: "onlyOne" };
  const text = s.replace(/\r\n?/g, "\n");
  if (text === "") return { value: undefined };
  return [...text].length > max ? { error: "tooLong", params: { max } } : { value: text };
}

/** One option code (single choice, matrix row). */
export function coerceCode(raw: SubmittedValue): Coerced {
  const s = single(raw);
  if (typeof s !== "string") return { error: "onlyOne" };
  return { value: s === "" ? undefined : s };
}

/** Multiple-choice codes from an array or a space-separated string, de-duplicated. */
export function coerceCodes(raw: SubmittedValue): string[] {
  const parts = Array.isArray(raw) ? raw.flatMap((s) => String(s).trim().split(/\s+/)) : typeof raw === "string" ? raw.trim().split(/\s+/) : [];
  return [...new Set(parts.filter(Boolean))];
}

/**
 * Converts a submitted value (form post strings or JSON) to the canonical answer of the
 * question, or names the type error. Empty input is `undefined` (unanswered). `timeZone` is the
 * study's, in which a typed date-time is read.
 */
export function coerceAnswer(q: Question, raw: SubmittedValue, timeZone: string = DEFAULT_TIME_ZONE): Coerced {
  if (q.type === "multiple") {
    const codes = coerceCodes(raw);
    return { value: codes.length ? codes : undefined };
  }
  if (q.type === "text" || q.type === "email") {
    const r = coerceText(raw, MAX_TEXT);
    if (q.type === "email" && typeof r.value === "string" && (r.value.length > 254 || !EMAIL.test(r.value))) return { error: "email" };
    return r;
  }
  if (q.type === "textarea") return coerceText(raw, MAX_TEXTAREA);
  if (typeof raw === "number" && (q.type === "integer" || q.type === "decimal" || q.type === "scale")) {
    if (!Number.isFinite(raw)) return { error: q.type === "decimal" ? "decimal" : "integer" };
    return q.type !== "decimal" && !Number.isInteger(raw) ? { error: "integer" } : { value: raw };
  }
  const s = single(raw);
  if (typeof s !== "string") return { error: "onlyOne" };
  if (s === "") return { value: undefined };
  switch (q.type) {
    case "integer":
    case "scale":
      return INTEGER.test(s) ? { value: Number(s) } : { error: "integer" };
    case "decimal":
      return DECIMAL.test(s) ? { value: Number(s.replace(",", ".")) } : { error: "decimal" };
    // Typed into separate fields (joinDateParts) or sent as ISO; stored as ISO either way.
    case "date":
    case "month": {
      const r = q.type === "date" ? parseDateInput(s) : parseMonthInput(s);
      return "value" in r ? { value: r.value } : { error: r.error };
    }
    // A time is the clock as typed ("14:30"); a date-time is placed in the study's zone.
    case "time":
    case "datetime": {
      const r = q.type === "time" ? parseTimeInput(s) : parseDateTimeInput(s, timeZone);
      return "value" in r ? { value: r.value } : { error: r.error };
    }
    case "consent": {
      const v = s.toLowerCase();
      if (v === "yes" || v === "true") return { value: "yes" };
      if (v === "no" || v === "false") return { value: "no" };
      return { error: "consent" };
    }
    default:
      return { value: s };
  }
}
