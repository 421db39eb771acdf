import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { markParticipantWithdrawn } from "../../../db/queries/participants";
import { bookInterview, bookingState, cancelInterview, moveInterview } from "../../../lib/recruitment/book-interview";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { boardStatus, infoOf, interviewWorld, slot } from "./world";

let t: TestDb;
let w: Awaited<ReturnType<typeof interviewWorld>>;
const NOW = new Date("2026-10-01T08:00:00Z");
const h = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

beforeAll(async () => {
  t = await createTestDb();
  w = await interviewWorld(t.db, Array.from({ length: 54 }, (_, i) => ({ language: i % 2 ? "uk" : "ru" })));
});
afterAll(async () => {
  await t?.drop();
});

const book = async (i: number, slotId: string, now = NOW, consentRecording = false) =>
  bookInterview(t.db, { info: await infoOf(t.db, w.ids[i]), slotId, timeZone: "Europe/Kyiv", language: "uk", consentInterview: true, consentRecording }, now);

describe("booking an interview slot", () => {
  it("50 people booking the same slot at once end with exactly one booking", async () => {
    const { id } = await slot(t.db, w.researcher, w.study.slug, { start: "2026-10-20T10:00" }, NOW);
    const infos = await Promise.all(w.ids.slice(0, 50).map((p) => infoOf(t.db, p)));
    const results = await Promise.all(infos.map((info) =>
      bookInterview(t.db, { info, slotId: id, timeZone: "Europe/Kyiv", language: "uk", consentInterview: true, consentRecording: true }, NOW)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "taken")).toBe(true);
    const rows = await executeRows<{ n: unknown }>(t.db, sql`select count(*) as n from interview_bookings where slot_id = ${id} and cancelled_at is null`);
    expect(Number(rows[0].n)).toBe(1);
    // Only the winner's consents and board step were kept; the losers are still 'invited'.
    const winner = w.ids[results.findIndex((r) => r.ok)];
    const consents = await executeRows<{ participant_id: string; kind: string; wording_version: string; language: string }>(
      t.db, sql`select participant_id, kind, wording_version, language from consents where kind like 'interview%' and kind <> 'interview_contact' order by kind`);
    expect(consents).toEqual([
      { participant_id: winner, kind: "interview", wording_version: "interview-booking-1", language: "uk" },
      { participant_id: winner, kind: "interview_recording", wording_version: "interview-booking-1", language: "uk" },
    ]);
    expect(await boardStatus(t.db, winner)).toBe("agreed");
    const loser = w.ids[results.findIndex((r) => !r.ok)];
    expect(await boardStatus(t.db, loser)).toBe("invited");
  });

  it("refuses a slot in the past and never lists it", async () => {
    const { id } = await slot(t.db, w.researcher, w.study.slug, { start: "2026-10-02T10:00" }, NOW);
    const later = new Date("2026-10-02T09:30:00Z");
    expect(await book(50, id, later)).toEqual({ ok: false, reason: "taken" });
    const state = await bookingState(t.db, await infoOf(t.db, w.ids[50]), later);
    expect(state.kind === "open" && state.free.some((s) => s.id === id)).toBe(false);
  });

  it("moves and cancels until the cut-off, keeping one row and raising its sequence", async () => {
    const a = await slot(t.db, w.researcher, w.study.slug, { start: "2026-10-21T10:00" }, NOW);
    const b = await slot(t.db, w.researcher, w.study.slug, { start: "2026-10-22T10:00" }, NOW);
    const booked = await book(51, a.id);
    expect(booked.ok).toBe(true);
    const info = await infoOf(t.db, w.ids[51]);
    const moved = await moveInterview(t.db, { info, slotId: b.id, timeZone: "Europe/Oslo" }, h(1));
    expect(moved.ok && moved.booking).toMatchObject({ slotId: b.id, sequence: 1, timeZone: "Europe/Oslo" });
    // The first slot is free again for someone else.
    expect((await book(52, a.id)).ok).toBe(true);
    // Within 24 hours of the interview nothing changes.
    const late = new Date("2026-10-21T11:00:00Z");
    expect(await cancelInterview(t.db, info, late)).toEqual({ ok: false, reason: "too_late" });
    const cancelled = await cancelInterview(t.db, info, h(2));
    expect(cancelled.ok && cancelled.booking).toMatchObject({ sequence: 2, cancelledBy: "person" });
    expect(cancelled.ok && booked.ok && cancelled.booking.id).toBe(booked.ok && booked.booking.id);
  });

  it("shows a withdrawn person, or one no longer invited, a closed page", async () => {
    await markParticipantWithdrawn(t.db, w.ids[53], NOW);
    expect(await bookingState(t.db, await infoOf(t.db, w.ids[53]), NOW)).toEqual({ kind: "closed" });
    await executeRows(t.db, sql`update recruitment set status = 'declined' where participant_id = ${w.ids[52]} and status <> 'agreed'`);
    await executeRows(t.db, sql`update recruitment set status = 'declined' where participant_id = ${w.ids[49]}`);
    expect(await bookingState(t.db, await infoOf(t.db, w.ids[49]), NOW)).toEqual({ kind: "closed" });
  });
});
