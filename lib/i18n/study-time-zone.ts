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
