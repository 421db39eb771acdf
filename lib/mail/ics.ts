// The calendar invitation sent with interview emails: one VEVENT in an RFC 5545 VCALENDAR, times
// in UTC (every calendar shows them in its owner's zone, so no VTIMEZONE is needed). Written by
// hand: a few lines with escaping and folding (docs/decisions.md, "Interview calendar files").
// Pure.

export type IcsEvent = {
  /** Stable across reschedules and the cancellation: the booking's id @ the host. */
  uid: string;
  /** Raised on every change; calendars replace the event with the higher one. */
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  /** When this version was written (DTSTAMP). */
  stamp: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  organizer: { name?: string | null; email: string };
  attendee?: { name?: string | null; email: string } | null;
};

const utc = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11). */
export function icsText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets folded with CRLF + space, never inside a UTF-8 character (3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = "";
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = "";
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join("\r\n ");
}

// A parameter value with a comma, colon or semicolon must be quoted; quotes cannot appear in it.
const param = (s: string) => `"${s.replace(/["\r\n]/g, "")}"`;
const mailto = (email: string) => `mailto:${email.replace(/[\r\n\s]/g, "")}`;

/** The whole .ics text, CRLF line ends. */
export function writeIcs(e: IcsEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Panelwave//Interviews//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${e.method}`,
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utc(e.stamp)}`,
    `DTSTART:${utc(e.start)}`,
    `DTEND:${utc(e.end)}`,
    `SUMMARY:${icsText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${icsText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${icsText(e.location)}`] : []),
    ...(e.url ? [`URL:${e.url.replace(/[\r\n\s]/g, "")}`] : []),
    `ORGANIZER${e.organizer.name ? `;CN=${param(e.organizer.name)}` : ""}:${mailto(e.organizer.email)}`,
    ...(e.attendee ? [`ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=${e.method === "CANCEL" ? "DECLINED" : "ACCEPTED"}${e.attendee.name ? `;CN=${param(e.attendee.name)}` : ""}:${mailto(e.attendee.email)}`] : []),
    `STATUS:${e.method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
