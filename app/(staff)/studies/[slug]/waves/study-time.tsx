// A time on the wave pages: in the study's time zone, with the zone written next to it.
import { formatDate } from "../../../../../lib/i18n/format-date";

export function StudyTime({ at, timeZone }: { at: Date | string | null | undefined; timeZone: string }) {
  if (!at) return <>–</>;
  const d = new Date(at);
  return (
    <span className="study-time">
      <time dateTime={d.toISOString()}>{formatDate(d, "minute", { timeZone })}</time> <span className="muted">{timeZone}</span>
    </span>
  );
}

/** A day in the study's time zone (the zone is written once, in the column's header or label). */
export function StudyDay({ at, timeZone }: { at: Date | string; timeZone: string }) {
  const d = new Date(at);
  return <time dateTime={d.toISOString()}>{formatDate(d, "day", { timeZone })}</time>;
}
