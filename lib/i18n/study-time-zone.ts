// The one source of a study's time zone: its settings.timeZone (an IANA zone, checked when the
// study is saved), else the default. Respondent pages, the flow's today()/now() at every save and
// at completion, the dates in emails and the dashboard's fieldwork days all read it here.

/** The zone of a study that names none (the first studies were in Norway). */
export const DEFAULT_TIME_ZONE = "Europe/Oslo";

/** The study's IANA time zone from its settings (any shape: settings are JSON). Pure. */
export function studyTimeZone(settings: unknown): string {
  const tz = settings && typeof settings === "object" ? (settings as { timeZone?: unknown }).timeZone : undefined;
  return typeof tz === "string" && tz.length > 0 ? tz : DEFAULT_TIME_ZONE;
}

/** "2027-03-28T02:30": a wall-clock time as a form's datetime-local input holds it. */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

// One formatter per zone: building them costs far more than using them.
const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall-clock fields at an instant, as if they were UTC (ms since the epoch). */
function wallAsUtc(ms: number, timeZone: string): number {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    wallFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/**
 * The instant at which the study's clocks show `wall` ("2027-01-10T09:00", a datetime-local
 * value); null when it is not such a value. Staff enter times in the study's zone, whatever zone
 * their browser is in. Across a DST change: a time that happens twice (autumn) is the first of
 * the two; a time that never happens (spring, 02:30 in Oslo) is read with the offset before the
 * change, i.e. one hour later on the clock (03:30), as Temporal's "compatible" does. Pure.
 */
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const m = WALL_TIME.exec(wall.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The fields must not roll over (2027-02-30 is no date).
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  const DAY = 86_400_000;
  const before = wallAsUtc(asUtc - DAY, timeZone) - (asUtc - DAY);
  const after = wallAsUtc(asUtc + DAY, timeZone) - (asUtc + DAY);
  const candidates = [asUtc - before, asUtc - after].filter((t) => wallAsUtc(t, timeZone) === asUtc).sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - before);
}

/** An instant as the study's wall-clock time in datetime-local form, "2027-01-10T09:00". Pure. */
export function instantToWallTime(date: Date, timeZone: string): string {
  return new Date(wallAsUtc(date.getTime(), timeZone)).toISOString().slice(0, 16);
}
