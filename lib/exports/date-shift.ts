// Date shifting for the de-identified export profile. Each participant's dates move by the same
// number of days in every wave and every export (derived from the installation's key and the
// participant id, never stored or exported), so intervals within a person survive while
// calendar dates no longer match other sources.
import { keyedHash } from "../crypto/personal-data";

/** Offsets lie in ±DATE_SHIFT_MAX_DAYS, never 0. */
export const DATE_SHIFT_MAX_DAYS = 180;
const DAY = 86_400_000;

/** The participant's offset in days: HMAC(installation key, participant id) mapped to ±180, not 0. Pure. */
export function dateShiftDays(key: Buffer, participantId: string): number {
  const n = parseInt(keyedHash(key, "deidentify/date-shift", participantId).slice(0, 8), 16);
  const days = (n % (2 * DATE_SHIFT_MAX_DAYS)) - DATE_SHIFT_MAX_DAYS;
  return days === 0 ? DATE_SHIFT_MAX_DAYS : days;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A date (YYYY-MM-DD), month (YYYY-MM) or timestamp (ISO 8601) moved by `days`; a month moves
 * from its 15th day. Anything unreadable becomes null rather than leak an unshifted date.
 */
export function shiftDateValue(value: unknown, days: number, kind: "date" | "month" | "datetime"): string | null {
  if (value === null || value === undefined || value === "") return null;
  const s = String(value);
  if (kind === "month") {
    if (!/^\d{4}-\d{2}$/.test(s)) return null;
    const d = new Date(`${s}-15T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : iso(new Date(d.getTime() + days * DAY)).slice(0, 7);
  }
  if (kind === "date") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
    const d = new Date(`${s}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : iso(new Date(d.getTime() + days * DAY));
  }
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime() + days * DAY).toISOString();
}
