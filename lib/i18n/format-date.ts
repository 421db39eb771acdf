// The one date formatter: a few named formats, each in a time zone (the study's, from
// studyTimeZone, or "UTC" where a screen says so), built on Intl.DateTimeFormat's formatToParts.
// Pure. The survey engine's today() uses isoDay, so the respondent enhancement script bundles only that.

/**
 * - `long`: the date in words for people, "10 January 2027", "10 січня 2027", "10. januar 2027".
 *   The year is the last thing written: Ukrainian "р." and Russian "г." are left out, so a sentence
 *   that ends with a date never ends "р..".
 * - `day`: "2027-01-10" (ISO 8601), the value of today() and the day of a timestamp.
 * - `minute`: "2027-01-10 14:05" and `second`: "2027-01-10 14:05:09", 24-hour clock, for staff tables.
 */
export type DateFormat = "long" | "day" | "minute" | "second";

const LOCALES: Record<string, string> = { uk: "uk-UA", ru: "ru-RU", nb: "nb-NO", en: "en-GB" };

// Building a DateTimeFormat costs far more than using one; bulk mail formats the same few.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** The fields of date as named ("2027", "01", "10"…), by a formatter kept under key. */
function fields(date: Date, key: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(key, "en-GB", options).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "2027-01-10": the day of date in timeZone (the `day` format). */
export function isoDay(date: Date, timeZone: string): string {
  const p = fields(date, timeZone, { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return `${p.year}-${p.month}-${p.day}`;
}

/** The date in a named format, in timeZone (an IANA zone); `language` matters only for `long`. */
export function formatDate(date: Date, format: DateFormat, o: { timeZone: string; language?: string }): string {
  if (format === "day") return isoDay(date, o.timeZone);
  if (format === "long") {
    const locale = LOCALES[o.language ?? "en"] ?? "en-GB";
    const all = formatter(locale + o.timeZone, locale, { timeZone: o.timeZone, year: "numeric", month: "long", day: "numeric" }).formatToParts(date);
    return all.slice(0, all.findIndex((p) => p.type === "year") + 1).map((p) => p.value).join("");
  }
  const tz = o.timeZone;
  const p = fields(date, `${tz}|time`, { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${format === "second" ? `:${p.second}` : ""}`;
}

/** "10 березня 2027, 11:00 (Europe/Kyiv)": an appointment's date and time as people read it, naming its zone. */
export function appointmentTime(date: Date, o: { timeZone: string; language: string }): string {
  return `${formatDate(date, "long", o)}, ${formatDate(date, "minute", o).slice(11)} (${o.timeZone})`;
}
