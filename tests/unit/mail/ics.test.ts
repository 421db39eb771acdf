import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { foldLine, icsText, writeIcs } from "../../../lib/mail/ics";
import { bookingToken, unsubscribeToken, verifyBookingToken, verifyUnsubscribeToken } from "../../../lib/mail/unsubscribe-token";

const key = Buffer.alloc(32, 3);
const id = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

describe("interview calendar files", () => {
  it("folds long lines at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"Інтерв’ю для дослідження ".repeat(8)}`;
    const folded = foldLine(line);
    for (const l of folded.split("\r\n")) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("escapes text so a hostile place or study name stays one value", () => {
    expect(icsText("Oslo; room 3, floor 2\nBEGIN:VEVENT")).toBe("Oslo\\; room 3\\, floor 2\\nBEGIN:VEVENT");
    const ics = writeIcs({
      uid: "b@x", sequence: 2, method: "CANCEL", start: new Date("2026-10-27T09:00:00Z"), end: new Date("2026-10-27T10:00:00Z"), stamp: new Date("2026-10-20T08:00:00Z"),
      summary: "Why exit?: interview", location: "Kafé \"Nord\"; 2nd floor\r\nEND:VCALENDAR", organizer: { email: "olena@example.org", name: "Olena \"K\"" }, attendee: { email: "p@example.net" },
    });
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getAllSubcomponents("vevent")).toHaveLength(1);
    const ev = cal.getFirstSubcomponent("vevent")!;
    expect(ev.getFirstPropertyValue("location")).toBe("Kafé \"Nord\"; 2nd floor\nEND:VCALENDAR");
    expect(cal.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(ev.getFirstPropertyValue("sequence")).toBe(2);
    expect(ics.endsWith("\r\n")).toBe(true);
  });
});

describe("the booking token", () => {
  it("opens only the booking page: neither token verifies as the other", () => {
    const b = bookingToken(key, id);
    expect(verifyBookingToken(key, b)).toBe(id);
    expect(verifyUnsubscribeToken(key, b)).toBeNull();
    expect(verifyBookingToken(key, unsubscribeToken(key, id))).toBeNull();
    expect(verifyBookingToken(Buffer.alloc(32, 4), b)).toBeNull();
  });
});
