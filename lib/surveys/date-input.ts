// Month and date answers typed into separate fields (GOV.UK's date pattern): day, month and year
// for a date, month and year for a month. The fields post as "<name>:day", "<name>:month",
// "<name>:year"; joinDateParts puts them back together as one text that parseDateInput reads.
// Stored answers stay ISO ("2023-03", "2022-05-10"). Pure; the enhancement script bundles it.
import type { MessageKey } from "./messages";
import { instantToWallTime, wallTimeToInstant } from "../i18n/study-time-zone";

export type DatePart = "day" | "month" | "year" | "hour" | "minute";
export type DateKind = "date" | "month" | "time" | "datetime";
const PART = /^(.+):(day|month|year|hour|minute)$/;

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
export function joinDateParts(kind: DateKind, p: Partial<Record<DatePart, string>>): string {
  const day = (p.day ?? "").trim();
  const month = (p.month ?? "").trim();
  const year = (p.year ?? "").trim();
  if (kind === "time") return joinTime(p);
  if (kind === "datetime") {
    const date = joinDateParts("date", p);
    const time = joinTime(p);
    return date || time ? `${date} ${time}`.trim() : "";
  }
  if (!day && !month && !year) return "";
  if (kind === "month") return !year && /\D/.test(month) ? month : `${month}/${year}`;
  if (!month && !year && /\D/.test(day)) return day;
  if (!year && /\D/.test(month)) return `${day}/${month}`;
  return `${day}/${month}/${year}`;
}

/** "14:30" from hour and minute fields; the hour field alone when it holds the whole time ("14.30"). */
function joinTime(p: Partial<Record<DatePart, string>>): string {
  const hour = (p.hour ?? "").trim();
  const minute = (p.minute ?? "").trim();
  if (!hour && !minute) return "";
  // "14.30" typed whole into the hour box, or a whole hour ("14" is 14:00).
  if (!minute) return hour;
  return `${hour}:${minute}`;
}

/** The kind of question a group of posted fields belongs to. */
function kindOf(g: Partial<Record<DatePart, string>>): DateKind {
  if ("hour" in g || "minute" in g) return "day" in g ? "datetime" : "time";
  return "day" in g ? "date" : "month";
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
  for (const [name, g] of groups) out[name] = joinDateParts(kindOf(g), g);
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

/**
 * A time of day typed by a person: "14:30", "14.30", "14 30", "9:05", "14:30:00" (ISO, seconds
 * dropped) or a whole hour "14". Returns "HH:MM" or the error naming the part to fix.
 */
export function parseTimeInput(s: string): ParsedDate {
  const t = s.trim().replace(/^(\d{1,2}:\d{2}):\d{2}(\.\d+)?$/, "$1");
  const parts = t.split(/\s*[.:\s]\s*/);
  if (parts.length > 2) return { error: "time" };
  const [hour = "", minute = "00"] = parts;
  if (!digits(hour) || hour.length > 2 || Number(hour) > 23) return { error: "hourPart" };
  if (!digits(minute) || minute.length > 2 || Number(minute) > 59) return { error: "minutePart" };
  return { value: `${pad(Number(hour))}:${pad(Number(minute))}` };
}

const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** "+02:00" for a wall time and the instant it names. */
function offsetOf(wall: string, instant: Date): string {
  const minutes = Math.round((Date.parse(`${wall}:00Z`) - instant.getTime()) / 60_000);
  const a = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/**
 * A date and time typed by a person ("10.05.2022 14:30", the joined day/month/year and hour/minute
 * fields) or sent as ISO 8601 ("2022-05-10T14:30", with or without an offset). Stored as the study's
 * wall clock with its offset then: "2022-05-10T14:30+02:00". A time that a DST change skips moves
 * on as wallTimeToInstant does; one with an offset is converted to the study's zone.
 */
export function parseDateTimeInput(s: string, timeZone: string): ParsedDate {
  const t = s.trim();
  const iso = ISO_DATETIME.exec(t);
  let instant: Date | null;
  if (iso && iso[3]) {
    const zone = iso[3] === "Z" ? "Z" : iso[3].replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
    const ms = Date.parse(`${iso[1]}T${iso[2]}:00${zone}`);
    if (Number.isNaN(ms)) return { error: "datetime" };
    instant = new Date(ms);
  } else {
    let datePart: string;
    let timePart: string;
    if (iso) [datePart, timePart] = [iso[1], iso[2]];
    else {
      const m = /^(.*\d)\s+(\d{1,2}(?:\s*[.:]\s*\d{1,2})?)$/.exec(t) ?? /^(.*\d)\s*[,T]\s*(\d{1,2}[.:]\d{1,2})$/.exec(t);
      if (!m) {
        // Only a date, or only a time: say which half is missing.
        if ("value" in parseDateInput(t)) return { error: "timeMissing" };
        if ("value" in parseTimeInput(t)) return { error: "dateMissing" };
        return { error: "datetime" };
      }
      [datePart, timePart] = [m[1], m[2]];
    }
    const d = parseDateInput(datePart);
    if ("error" in d) return d;
    const tm = parseTimeInput(timePart);
    if ("error" in tm) return tm;
    instant = wallTimeToInstant(`${d.value}T${tm.value}`, timeZone);
  }
  if (!instant || Math.abs(instant.getUTCFullYear() - 2000) > 1000) return { error: "datetime" };
  const wall = instantToWallTime(instant, timeZone);
  return { value: `${wall}${offsetOf(wall, instant)}` };
}

/** The fields' values for a stored answer ("2023-03" → month "3", year "2023"; "…T14:30+02:00" → hour "14", minute "30"). */
export function dateFieldValues(value: unknown): Record<DatePart, string> {
  const empty = { day: "", month: "", year: "", hour: "", minute: "" };
  if (typeof value !== "string") return empty;
  const time = /^(\d{2}):(\d{2})$/.exec(value);
  if (time) return { ...empty, hour: time[1], minute: time[2] };
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return empty;
  return { year: m[1], month: String(Number(m[2])), day: m[3] ? String(Number(m[3])) : "", hour: m[4] ?? "", minute: m[5] ?? "" };
}
