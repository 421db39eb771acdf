// Month and date answers typed into separate fields (GOV.UK's date pattern): day, month and year
// for a date, month and year for a month. The fields post as "<name>:day", "<name>:month",
// "<name>:year"; joinDateParts puts them back together as one text that parseDateInput reads.
// Stored answers stay ISO ("2023-03", "2022-05-10"). Pure; the enhancement script bundles it.
import type { MessageKey } from "./messages";

export type DatePart = "day" | "month" | "year";
const PART = /^(.+):(day|month|year)$/;

export type ParsedDate = { value: string } | { error: MessageKey };

// Between the parts of a typed date: ".", "/", "-" or spaces ("03.2023", "3/2023", "3 2023").
const SEPARATOR = /\s*[./\-\s]\s*/;
const pad = (n: number) => String(n).padStart(2, "0");
const digits = (s: string) => /^\d+$/.test(s);

/**
 * The text of a date's fields as one value: "" when all are empty; the month (or day) field on its
 * own when it holds the whole answer ("03.2023", "3/2023" or "10.05.2022" typed into one field);
 * else the parts joined with "/" (day/month/year), which parseDateInput reads.
 */
export function joinDateParts(kind: "date" | "month", p: Partial<Record<DatePart, string>>): string {
  const day = (p.day ?? "").trim();
  const month = (p.month ?? "").trim();
  const year = (p.year ?? "").trim();
  if (!day && !month && !year) return "";
  if (kind === "month") return !year && /\D/.test(month) ? month : `${month}/${year}`;
  if (!month && !year && /\D/.test(day)) return day;
  if (!year && /\D/.test(month)) return `${day}/${month}`;
  return `${day}/${month}/${year}`;
}

/**
 * Groups the "<name>:day|month|year" entries of a submission into one value per question (its
 * kind: "date" when a day field was posted), leaving the other entries as they were.
 */
export function collectDateParts<T>(submission: Record<string, T | string>): Record<string, T | string> {
  const groups = new Map<string, Partial<Record<DatePart, string>>>();
  const out: Record<string, T | string> = {};
  for (const [k, v] of Object.entries(submission)) {
    const m = PART.exec(k);
    if (!m || typeof v !== "string") {
      out[k] = v;
      continue;
    }
    const g = groups.get(m[1]) ?? {};
    g[m[2] as DatePart] = v;
    groups.set(m[1], g);
  }
  for (const [name, g] of groups) out[name] = joinDateParts("day" in g ? "date" : "month", g);
  return out;
}

function checkYear(y: string): boolean {
  return digits(y) && y.length === 4 && Number(y) >= 1000;
}

/**
 * A month typed by a person: "2023-03" (ISO, as stored), "3/2023", "03.2023", "3-2023" or
 * "3 2023". Returns the ISO month or the error that says what to fix.
 */
export function parseMonthInput(s: string): ParsedDate {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(t);
  const parts = iso ? [iso[2], iso[1]] : t.split(SEPARATOR);
  if (parts.length > 2) return { error: "month" };
  const [month = "", year = ""] = parts;
  if (!digits(month) || Number(month) < 1 || Number(month) > 12) return { error: "monthPart" };
  if (!checkYear(year)) return { error: "yearPart" };
  return { value: `${year}-${pad(Number(month))}` };
}

/**
 * A date typed by a person: "2022-05-10" (ISO, as stored), or day, month and year in that order
 * separated by ".", "/", "-" or spaces ("10.05.2022", "10/5/2022"). Returns the ISO date or the
 * error that says what to fix (which part, or that the day does not exist in that month).
 */
export function parseDateInput(s: string): ParsedDate {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const parts = iso ? [iso[3], iso[2], iso[1]] : t.split(SEPARATOR);
  if (parts.length > 3) return { error: "date" };
  const [day = "", month = "", year = ""] = parts;
  if (!digits(day) || Number(day) < 1 || Number(day) > 31) return { error: "dayPart" };
  if (!digits(month) || Number(month) < 1 || Number(month) > 12) return { error: "monthPart" };
  if (!checkYear(year)) return { error: "yearPart" };
  const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (d.getUTCMonth() !== Number(month) - 1) return { error: "dateReal" };
  return { value: `${year}-${pad(Number(month))}-${pad(Number(day))}` };
}

/** The fields' values for a stored answer ("2023-03" → month "3", year "2023"), or for text that did not parse. */
export function dateFieldValues(value: unknown): Record<DatePart, string> {
  const m = typeof value === "string" ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value) : null;
  if (!m) return { day: "", month: "", year: "" };
  return { year: m[1], month: String(Number(m[2])), day: m[3] ? String(Number(m[3])) : "" };
}
