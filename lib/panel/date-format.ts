// Dates in an imported panel file are never guessed. An ISO date (2025-01-12, or an ISO time) is
// always read; any other date is read only in the format the researcher chose for the file
// (DD.MM.YYYY, DD/MM/YYYY, MM/DD/YYYY), or, with no format chosen, when only one reading of its
// day and month is a real date (25.01.2025). A date such as 12.01.2025, which is 12 January or
// 1 December depending on the file's origin, is refused until the format is chosen. Pure.
import { z } from "zod";

export const DATE_FORMATS = ["DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const dateFormatSchema = z.enum(DATE_FORMATS);

export type DateRead = { ok: true; date: Date } | { ok: false; ambiguous: boolean; message: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An ISO time needs its zone: a local time without one would be read in the server's zone.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY_MONTH = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;

/** The UTC midnight of a calendar date, or null when there is no such day (31 April). */
function calendarDate(year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : null;
}

const refused = (message: string, ambiguous = false): DateRead => ({ ok: false, ambiguous, message });

/** Reads one date cell; `format` is the file's date format, null when the researcher chose none. */
export function readImportDate(text: string, format: DateFormat | null): DateRead {
  const t = text.trim();
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const d = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return d ? { ok: true, date: d } : refused(`"${t}" is not a calendar date (YYYY-MM-DD)`);
  }
  if (ISO_TIME.test(t)) {
    const d = new Date(t);
    if (!Number.isNaN(d.getTime()) && calendarDate(Number(t.slice(0, 4)), Number(t.slice(5, 7)), Number(t.slice(8, 10)))) return { ok: true, date: d };
    return refused(`"${t}" is not a valid ISO time`);
  }
  const m = DAY_MONTH.exec(t);
  if (!m) return refused(`"${t}" is not a date; write YYYY-MM-DD, or choose the file's date format`);
  const [a, sep, b, year] = [Number(m[1]), m[2], Number(m[3]), Number(m[4])];
  if (format === "YYYY-MM-DD") return refused(`"${t}" is not in the chosen format YYYY-MM-DD`);
  if (format) {
    const wanted = format[2];
    if (sep !== wanted) return refused(`"${t}" is not in the chosen format ${format}`);
    const d = format.startsWith("DD") ? calendarDate(year, b, a) : calendarDate(year, a, b);
    return d ? { ok: true, date: d } : refused(`"${t}" is not a calendar date in the chosen format ${format}`);
  }
  const dayFirst = calendarDate(year, b, a);
  const monthFirst = calendarDate(year, a, b);
  if (dayFirst && monthFirst && dayFirst.getTime() !== monthFirst.getTime()) {
    return refused(`"${t}" could be day/month or month/day; choose the file's date format`, true);
  }
  const d = dayFirst ?? monthFirst;
  return d ? { ok: true, date: d } : refused(`"${t}" is not a calendar date`);
}
