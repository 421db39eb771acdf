// The date a recruitment step happened, as researchers enter it (a day, in the study's time zone).
// A step cannot have happened in the future: an interview "on" tomorrow is planned, not done. Pure.
import { isoDay } from "../i18n/format-date";
import { InvalidInput } from "../errors/app-error";

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** "YYYY-MM-DD" names a real calendar day (2023-02-30 does not). */
export function isRealDay(day: string): boolean {
  if (!DAY_PATTERN.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/**
 * The moment to store for a step entered as `day` (absent: now). Today (in `timeZone`) is stored
 * as `now`, an earlier day as its noon UTC (the same calendar day in every zone from UTC−11 to
 * UTC+11), so what is stored is never later than now. A day after today in the study's zone, or
 * a day that does not exist, is refused naming the field `path`.
 */
export function stepMoment(day: string | undefined, now: Date, timeZone: string, path = "at"): Date {
  if (!day) return now;
  if (!isRealDay(day)) throw new InvalidInput("Check the date", [{ path, message: "Enter a real date as YYYY-MM-DD" }]);
  const today = isoDay(now, timeZone);
  if (day > today) throw new InvalidInput("Check the date", [{ path, message: `The date cannot be in the future (today is ${today} in ${timeZone})` }]);
  if (day === today) return now;
  return new Date(`${day}T12:00:00Z`);
}
