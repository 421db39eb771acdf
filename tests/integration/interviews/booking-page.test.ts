// The booking page as the person meets it (the lib behind GET/POST /b/<token>): times in their own
// zone across the end of daylight-saving time, the race for one slot, the calm page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookingToken } from "../../../lib/mail/unsubscribe-token";
import { bookingByPost, showBookingPage } from "../../../lib/respondent/booking";
import type { FormReader } from "../../../lib/respondent/read-form";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { interviewWorld, slot } from "./world";

let t: TestDb;
let w: Awaited<ReturnType<typeof interviewWorld>>;
// Booked in summer time; the interview is after the clocks went back (25 October 2026).
const NOW = new Date("2026-10-20T08:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  w = await interviewWorld(t.db, [{ language: "uk" }, { language: "uk" }, { language: "en", withdrawn: true }]);
});
afterAll(async () => {
  await t?.drop();
});

const tokenOf = (i: number) => bookingToken(testKey, w.ids[i]);
const form = (entries: Record<string, string>): FormReader => async () => ({ ok: true, entries: Object.entries(entries) });
const get = (i: number, tz?: string) => showBookingPage(t.db, testKey, tokenOf(i), `/b/${tokenOf(i)}`, { tz }, NOW);
const post = (i: number, f: Record<string, string>) => bookingByPost(t.db, testKey, tokenOf(i), `/b/${tokenOf(i)}`, form(f), null, NOW);

describe("the booking page", () => {
  let slotId: string;
  beforeAll(async () => {
    // 10:00 in Oslo on 27 October is CET (UTC+1): 09:00 UTC, 11:00 in Kyiv (EET, UTC+2).
    slotId = (await slot(t.db, w.researcher, w.study.slug, { start: "2026-10-27T10:00" }, NOW)).id;
  });

  it("shows free times in the study's zone, or the zone the person chose, right across the end of DST", async () => {
    const oslo = (await get(0))!;
    expect(oslo.status).toBe(200);
    expect(oslo.html).toContain('lang="uk"');
    expect(oslo.html).toContain("10:00–11:00");
    expect(oslo.html).toContain("27 жовтня 2026");
    const kyiv = (await get(0, "Europe/Kyiv"))!;
    expect(kyiv.html).toContain("11:00–12:00");
    expect(kyiv.html).toMatch(/<option value="Europe\/Kyiv" selected>/);
  });

  it("books with the consent, then shows the booking in the person's zone", async () => {
    const refused = (await post(0, { action: "book", slot: slotId, tz: "Europe/Kyiv" }))!;
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('id="error-summary"');
    const done = (await post(0, { action: "book", slot: slotId, tz: "Europe/Kyiv", consent_interview: "yes" }))!;
    expect(done.status).toBe(200);
    expect(done.html).toContain("Ваше інтерв’ю заброньовано");
    expect(done.html).toContain("27 жовтня 2026, 11:00 (Europe/Kyiv)");
  });

  it("tells the second person the time was just taken and shows the free times", async () => {
    const other = (await slot(t.db, w.researcher, w.study.slug, { start: "2026-10-28T09:00" }, NOW)).id;
    const lost = (await post(1, { action: "book", slot: slotId, tz: "Europe/Oslo", consent_interview: "yes" }))!;
    expect(lost.status).toBe(409);
    expect(lost.html).toContain("Цей час щойно забронював хтось інший");
    expect(lost.html).toContain(`value="${other}"`);
    expect(lost.html).not.toContain(`value="${slotId}"`);
  });

  it("gives a withdrawn person and an unknown link the same calm page", async () => {
    const withdrawn = (await get(2))!;
    expect(withdrawn.status).toBe(404);
    expect(withdrawn.html).toContain('data-status="booking-calm"');
    expect(await showBookingPage(t.db, testKey, "x".repeat(43), "/b/x", {}, NOW)).toBeNull();
  });

  it("asks the browser for its zone only while the person has chosen none, and keeps a chosen zone across languages", async () => {
    // Person 1 has no booking: without ?tz= the zone form is marked and the detection script loaded.
    const fresh = (await get(1))!;
    expect(fresh.html).toContain("data-detect-zone");
    expect(fresh.html).toMatch(/<script src="\/r\/zone\.js\?v=[0-9a-f]{12}" defer><\/script>/);
    expect(fresh.html).toContain('href="?lang=en"');
    // Chosen (even a zone the server does not know, so detection cannot loop): no script, and the
    // language links keep the zone.
    const chosen = (await get(1, "Europe/Kyiv"))!;
    expect(chosen.html).not.toContain("data-detect-zone");
    expect(chosen.html).not.toContain("/r/zone.js");
    expect(chosen.html).toContain('href="?tz=Europe%2FKyiv&amp;lang=en"');
    // The old name Chromium still reports is shown under the current one.
    expect((await get(1, "Europe/Kiev"))!.html).toMatch(/<option value="Europe\/Kyiv" selected>/);
    const unknown = (await get(1, "Mars/Olympus"))!;
    expect(unknown.html).not.toContain("data-detect-zone");
    expect(unknown.html).toMatch(/<option value="Europe\/Oslo" selected>/);
    // Person 0 booked in Kyiv's zone: the saved zone counts as chosen.
    const booked = (await get(0))!;
    expect(booked.html).not.toContain("/r/zone.js");
    expect(booked.html).toContain('href="?tz=Europe%2FKyiv&amp;lang=en"');
  });
});
