// The interview emails through the real outbox and local mailbox: each .ics parses with ical.js,
// keeps its UID across reschedule and cancellation with a rising SEQUENCE, and reminders go once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { openMailboxFields } from "../../../lib/mail/mailbox-seal";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport } from "../../../lib/mail/transport";
import { bookInterview, cancelInterview, moveInterview } from "../../../lib/recruitment/book-interview";
import type { MailboxAttachment } from "../../../db/schema";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { infoOf, interviewWorld, mailSettings, slot } from "./world";

let t: TestDb;
let w: Awaited<ReturnType<typeof interviewWorld>>;
const NOW = new Date("2026-10-01T08:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  w = await interviewWorld(t.db, [{ language: "uk", email: "olha@example.net" }, { language: "nb" }]);
});
afterAll(async () => {
  await t?.drop();
});

const drain = (now: Date) => drainOutbox(t.db, createMailTransport(t.db, { personalDataKey: testKey }), { ...mailSettings, clock: () => now });

async function mailbox() {
  const rows = await executeRows<{ id: unknown; to_address: string; subject: string; text: string; html: string; headers: Record<string, string>; attachments: MailboxAttachment[] }>(
    t.db, sql`select id, to_address, subject, text, html, headers, attachments from mailbox order by id`);
  return rows.map((r) => openMailboxFields(testKey, { toAddress: r.to_address, html: r.html, text: r.text, headers: r.headers, attachments: r.attachments, subject: r.subject }));
}

function event(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const ev = cal.getFirstSubcomponent("vevent")!;
  const e = new ICAL.Event(ev);
  return { method: cal.getFirstPropertyValue("method"), uid: e.uid, sequence: e.sequence, start: e.startDate.toJSDate(), end: e.endDate.toJSDate(), status: ev.getFirstPropertyValue("status") };
}

describe("interview calendar and reminders", () => {
  it("sends the person and the interviewer an .ics; a move and a cancellation update it (same UID, higher SEQUENCE, METHOD:CANCEL)", async () => {
    const a = await slot(t.db, w.researcher, w.study.slug, { start: "2026-10-20T10:00" }, NOW);
    const b = await slot(t.db, w.researcher, w.study.slug, { start: "2026-10-22T14:30" }, NOW);
    const info = await infoOf(t.db, w.ids[0]);
    expect((await bookInterview(t.db, { info, slotId: a.id, timeZone: "Europe/Kyiv", language: "uk", consentInterview: true, consentRecording: false }, NOW)).ok).toBe(true);
    await drain(NOW);
    expect((await moveInterview(t.db, { info, slotId: b.id, timeZone: "Europe/Kyiv" }, new Date(NOW.getTime() + 3_600_000))).ok).toBe(true);
    await drain(new Date(NOW.getTime() + 3_600_000));
    expect((await cancelInterview(t.db, info, new Date(NOW.getTime() + 7_200_000))).ok).toBe(true);
    await drain(new Date(NOW.getTime() + 7_200_000));

    const all = await mailbox();
    const toPerson = all.filter((m) => m.toAddress === "olha@example.net");
    const toInterviewer = all.filter((m) => m.toAddress === w.researcher.email);
    expect(toPerson.map((m) => m.subject)).toEqual(["Why exit?: інтерв’ю заброньовано", "Why exit?: інтерв’ю перенесено", "Why exit?: інтерв’ю скасовано"]);
    expect(toInterviewer).toHaveLength(3);
    for (const list of [toPerson, toInterviewer]) {
      const evs = list.map((m) => {
        expect(m.attachments).toHaveLength(1);
        expect(m.attachments![0].contentType).toMatch(/^text\/calendar/);
        return event(m.attachments![0].content);
      });
      expect(new Set(evs.map((e) => e.uid)).size).toBe(1);
      expect(evs.map((e) => e.sequence)).toEqual([0, 1, 2]);
      expect(evs.map((e) => e.method)).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
      expect(evs[2].status).toBe("CANCELLED");
      // 10:00 in Oslo (CEST) is 08:00 UTC; the move goes to 14:30 Oslo, 12:30 UTC, 60 minutes.
      expect(evs[0].start.toISOString()).toBe("2026-10-20T08:00:00.000Z");
      expect(evs[1].start.toISOString()).toBe("2026-10-22T12:30:00.000Z");
      expect(evs[1].end.getTime() - evs[1].start.getTime()).toBe(3_600_000);
    }
    // The person reads the time in their own zone (Kyiv, UTC+3): 15:30.
    expect(toPerson[1].text).toContain("22 жовтня 2026, 15:30 (Europe/Kyiv)");
    // Their email carries their booking link; the interviewer's names the person only by code.
    expect(toPerson[0].text).toMatch(/https:\/\/panel\.example\.org\/b\/[A-Za-z0-9_-]{43}/);
    expect(toInterviewer[0].text).toContain(`P-${w.ids[0].slice(0, 8)}`);
    expect(toInterviewer[0].text).not.toContain("olha@example.net");
  });

  it("sends each reminder once, a day and an hour before, and none for an older version of the booking", async () => {
    const s = await slot(t.db, w.researcher, w.study.slug, { start: "2026-10-25T12:00", mode: "phone" }, NOW);
    const info = await infoOf(t.db, w.ids[1]);
    expect((await bookInterview(t.db, { info, slotId: s.id, timeZone: "Europe/Oslo", language: "nb", consentInterview: true, consentRecording: true }, NOW)).ok).toBe(true);
    const start = new Date("2026-10-25T11:00:00Z"); // 12:00 in Oslo after DST ended (CET, UTC+1)
    const reminders = async () => (await mailbox()).filter((m) => m.subject.includes("påminnelse"));
    await drain(NOW);
    await drain(new Date(start.getTime() - 25 * 3_600_000));
    expect(await reminders()).toHaveLength(0);
    for (const at of [start.getTime() - 23.9 * 3_600_000, start.getTime() - 23 * 3_600_000]) await drain(new Date(at));
    expect(await reminders()).toHaveLength(1);
    for (const at of [start.getTime() - 50 * 60_000, start.getTime() - 40 * 60_000]) await drain(new Date(at));
    const sent = await reminders();
    expect(sent).toHaveLength(2);
    expect(sent[1].text).toContain("25. oktober 2026, 12:00 (Europe/Oslo)");
    const keys = await executeRows<{ idempotency_key: string; status: string }>(t.db, sql`select idempotency_key, status from outbox where kind = 'interview_reminder' and participant_id = ${w.ids[1]} order by number desc`);
    expect(keys.map((k) => k.status)).toEqual(["sent", "sent"]);
  });

  it("drops the reminders of a booking that was moved or cancelled when their time comes", async () => {
    await drain(new Date("2026-10-22T12:00:00Z"));
    const rows = await executeRows<{ idempotency_key: string; status: string }>(
      t.db, sql`select idempotency_key, status from outbox where kind = 'interview_reminder' and participant_id = ${w.ids[0]} order by idempotency_key`);
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r.status === "cancelled")).toBe(true);
    expect((await mailbox()).filter((m) => m.toAddress === "olha@example.net" && m.subject.includes("нагадування"))).toHaveLength(0);
  });
});
