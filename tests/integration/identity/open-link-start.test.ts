// The open link creates nobody until the first page is saved; starts are limited per client in
// the database; the device remembers an unfinished response; reports count only saved starts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { invitations, participants, rateLimitCounters, responses } from "../../../db/schema";
import type { StaffUser } from "../../../lib/auth/current-user";
import { hashToken, newParticipantCode } from "../../../lib/crypto/tokens";
import { getResponseRates } from "../../../lib/reports/get-response-rates";
import { showOpenLink, startOpenLink } from "../../../lib/respondent/open-link";
import { OPEN_LINK_LIMITS } from "../../../lib/respondent/open-link-limits";
import { rememberedOpenLink } from "../../../lib/respondent/open-link-cookie";
import { showPersonalLink, submitPersonalLink } from "../../../lib/respondent/personal-link";
import { smallSurvey } from "../../fixtures/small-survey";
import { makeStudyWave } from "../helpers/factories";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { pressSend } from "../helpers/send-step";
import { config, formOf, html, post, req, startToken } from "./helpers";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const admin: StaffUser = { id: "admin", email: "a@example.org", name: "A", role: "admin" };
const count = async (table: typeof participants | typeof invitations, studyId: string) =>
  (await t.db.select().from(table).where(eq(table.studyId, studyId))).length;

describe("starting the open link", () => {
  it("creates no participant or invitation, however often it is started", async () => {
    const w = await makeStudyWave(t.db, smallSurvey, { mode: "open_link" });
    const starts = await Promise.all(Array.from({ length: OPEN_LINK_LIMITS.start }, () => startOpenLink(t.db, config, w.slug, w.waveSlug, req({ client: "198.51.100.1" }))));
    expect(starts.every((s) => s.kind === "redirect")).toBe(true);
    expect(new Set(starts.map((s) => (s.kind === "redirect" ? s.location : ""))).size).toBe(OPEN_LINK_LIMITS.start);
    expect(await count(participants, w.studyId)).toBe(0);
    expect(await count(invitations, w.studyId)).toBe(0);
    // A start token shows the first page, and still nobody exists.
    const token = (starts[0] as { location: string }).location.split("/s/")[1];
    expect(html(await showPersonalLink(t.db, config, token, req()))).toContain("Where do you live now?");
    expect(await count(participants, w.studyId)).toBe(0);
  });

  it("limits starts per client in the database, with a calm 429 and Retry-After; other clients go on", async () => {
    const w = await makeStudyWave(t.db, smallSurvey, { mode: "open_link" });
    const client = "192.0.2.44";
    for (let i = 0; i < OPEN_LINK_LIMITS.start; i++) await startOpenLink(t.db, config, w.slug, w.waveSlug, req({ client }));
    const over = await startOpenLink(t.db, config, w.slug, w.waveSlug, req({ client, requestedLanguage: "uk" }));
    expect(over.kind === "html" && over.status).toBe(429);
    expect(Number(over.headers?.["retry-after"])).toBeGreaterThan(0);
    expect(html(over)).toContain("Забагато спроб");
    expect((await startOpenLink(t.db, config, w.slug, w.waveSlug, req({ client: "192.0.2.45" }))).kind).toBe("redirect");
    // The counter is a row every instance sees; the address itself is not stored.
    const rows = await t.db.select().from(rateLimitCounters);
    expect(rows.some((r) => r.count > OPEN_LINK_LIMITS.start)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(client);
    // A new window (ten minutes later) starts again.
    const later = await startOpenLink(t.db, config, w.slug, w.waveSlug, req({ client, now: new Date(Date.now() + 11 * 60_000) }));
    expect(later.kind).toBe("redirect");
  });

  it("creates the participant and invitation on the first saved page, once for a double tap, resumable anywhere", async () => {
    const w = await makeStudyWave(t.db, smallSurvey, { mode: "open_link" });
    const token = await startToken(t.db, w.slug, w.waveSlug);
    const page = await showPersonalLink(t.db, config, token, req());
    // A page that cannot be saved, or a language switch on an empty page, creates nobody.
    const bad = await submitPersonalLink(t.db, config, token, [...formOf(page), ["_action", "next"], ["age", "abc"]], req());
    expect(bad.kind === "html" && bad.status).toBe(422);
    const lang = await submitPersonalLink(t.db, config, token, [...formOf(page), ["_action", "lang:uk"]], req());
    expect(lang).toMatchObject({ kind: "redirect", location: `/s/${token}?lang=uk`, setLanguage: "uk" });
    expect(await count(participants, w.studyId)).toBe(0);

    const body: [string, string][] = [...formOf(page), ["_action", "next"], ["where_now", "returned"], ["age", "52"]];
    const results = await Promise.all([1, 2, 3].map(() => submitPersonalLink(t.db, config, token, body, req())));
    for (const r of results) expect(r.kind === "redirect" || (r.kind === "html" && r.status === 409)).toBe(true);
    expect(await count(participants, w.studyId)).toBe(1);
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.studyId, w.studyId));
    expect(inv.tokenHash).toBe(hashToken(token));
    expect(inv.status).toBe("started");
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, inv.participantId));
    expect(row).toMatchObject({ revision: 1, currentPage: "p2", answers: { where_now: "returned", age: 52 } });
    // Another device with the same link continues on page 2.
    expect(html(await showPersonalLink(t.db, config, token, req({ acceptLanguage: "en" })))).toContain("Which region?");
  });

  it("remembers an unfinished response on the device (HttpOnly, path-limited, Secure over https, no email) and offers to continue it", async () => {
    const w = await makeStudyWave(t.db, smallSurvey, { mode: "open_link" });
    const start = await startOpenLink(t.db, config, w.slug, w.waveSlug, req());
    const cookie = start.cookies![0];
    const token = (start as { location: string }).location.split("/s/")[1];
    expect(cookie).toBe(`pw_open=${token}; Max-Age=2592000; Path=/j/${w.slug}/${w.waveSlug}; HttpOnly; SameSite=Lax; Secure`);
    expect(rememberedOpenLink(`pw_lang=uk; ${cookie.split(";")[0]}`)).toBe(token);
    // Not saved yet: nothing to continue.
    expect(html(await showOpenLink(t.db, config, w.slug, w.waveSlug, req(), token))).not.toContain("data-resume");
    await post(t.db, token, [["where_now", "stayed"]]);
    const again = await showOpenLink(t.db, config, w.slug, w.waveSlug, req(), token);
    expect(html(again)).toContain("data-resume");
    expect(html(again)).toContain(`href="/s/${token}"`);
    expect(html(again)).toContain("Start again");
    const last = await post(t.db, token, [["consent_followup", "yes"], ["email", "kept-out@example.org"]]);
    const done = await pressSend(t.db, config, token, last, req());
    expect(done.kind).toBe("redirect");
    for (const c of [cookie, ...(done.cookies ?? [])]) expect(c).not.toContain("kept-out");
    // Completed: no offer, and the device forgets the link.
    const after = await showOpenLink(t.db, config, w.slug, w.waveSlug, req(), token);
    expect(html(after)).not.toContain("data-resume");
    expect(after.cookies).toEqual([`pw_open=; Max-Age=0; Path=/j/${w.slug}/${w.waveSlug}; HttpOnly; SameSite=Lax; Secure`]);
  });

  it("counts in the response rates only starts that saved a page", async () => {
    const w = await makeStudyWave(t.db, smallSurvey, { mode: "open_link" });
    for (let i = 0; i < 5; i++) await startToken(t.db, w.slug, w.waveSlug, { client: `203.0.113.${i}` });
    const saved = await startToken(t.db, w.slug, w.waveSlug);
    await post(t.db, saved, [["where_now", "stayed"]]);
    // An invitation left by an earlier version's start button, never saved.
    const [p] = await t.db.insert(participants).values({ studyId: w.studyId, code: newParticipantCode() }).returning();
    await t.db.insert(invitations).values({ studyId: w.studyId, waveId: w.waveId, participantId: p.id, tokenHash: "legacy", status: "opened" });
    const { waves } = await getResponseRates(t.db, admin, w.slug);
    expect(waves[0].total).toBe(1);
    expect(waves[0].dispositions.P).toBe(1);
    const [{ n }] = await executeRows<{ n: number }>(t.db, sql`select count(*)::int as n from invitations where wave_id = ${w.waveId}`);
    expect(n).toBe(2);
  });
});

describe("the open link's slugs", () => {
  it("opens a wave whose slug the wave form and the API accept, a leading dash included", async () => {
    // The open link once had its own, stricter slug pattern: such a wave answered 404 for ever.
    const w = await makeStudyWave(t.db, smallSurvey, { mode: "open_link", waveSlug: "-spring" });
    const shown = await showOpenLink(t.db, config, w.slug, "-spring", req());
    expect(shown.kind === "html" && shown.status).toBe(200);
    expect((await startOpenLink(t.db, config, w.slug, "-spring", req({ client: "198.51.100.77" }))).kind).toBe("redirect");
  });
});
