import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { executeRows } from "../../db/client";
import { consents, contacts, invitations, outbox, participants, responses } from "../../db/schema";
import type { Config } from "../../lib/config/load-config";
import { decryptPersonal } from "../../lib/crypto/personal-data";
import { showOpenLink, startOpenLink } from "../../lib/respondent/open-link";
import { confirmWithdraw, showWithdraw } from "../../lib/respondent/withdraw-from-survey";
import { upsertContact } from "../../db/queries/participants";
import { emailHash, encryptPersonal } from "../../lib/crypto/personal-data";
import { showPersonalLink, submitPersonalLink } from "../../lib/respondent/personal-link";
import { smallSurvey } from "../fixtures/small-survey";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { pressSend } from "./helpers/send-step";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";
import { formOf, html } from "./helpers/respondent-form";

let t: TestDb;
const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;
const req = (lang?: string) => ({ now: new Date(), acceptLanguage: "uk-UA,uk;q=0.9", requestedLanguage: lang ?? null });


beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

describe("respondent pages", () => {
  it("answers an unknown or malformed token with the same calm page", async () => {
    const a = await showPersonalLink(t.db, config, "AAAAAAAAAAAAAAAAAAAAAAAAAAA", req());
    const b = await showPersonalLink(t.db, config, "x", req());
    expect(a.kind === "html" && a.status).toBe(404);
    expect(b.kind === "html" && b.status).toBe(404);
    expect(html(a)).toBe(html(b));
    expect(html(a)).toContain('lang="uk"');
  });

  it("saves each page, resumes where the respondent stopped, and completes", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    const first = await showPersonalLink(t.db, config, token, req("en"));
    expect(html(first)).toContain("Where do you live now?");
    const r1 = await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ["where_now", "returned"], ["age", "34"]], req());
    // Post/redirect/get to the next page's own URL: the browser's Back goes to the page before.
    expect(r1).toMatchObject({ kind: "redirect", location: `/s/${token}?p=p2` });
    // Resume: a new visit (any device) opens page 2.
    const second = await showPersonalLink(t.db, config, token, req("en"));
    expect(html(second)).toContain("Which region?");
    expect(html(second)).toContain('data-step="2"');
    await submitPersonalLink(t.db, config, token, [...formOf(second), ["_action", "next"], ["region", "Kyiv"]], req());
    const third = await showPersonalLink(t.db, config, token, req("en"));
    const last = await submitPersonalLink(t.db, config, token, [...formOf(third), ["_action", "next"], ["consent_followup", "no"]], req());
    // The last page only saves: nothing is complete until "Send my answers".
    const [before] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(before.status).not.toBe("completed");
    const done = await pressSend(t.db, config, token, last, req());
    expect(done).toMatchObject({ kind: "redirect", location: `/s/${token}?done=1` });
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row.status).toBe("completed");
    expect(row.answers).toEqual({ where_now: "returned", age: 34, region: "Kyiv", consent_followup: "no" });
    expect(row.trajectory).toBe("returned");
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.participantId, participantId));
    expect(inv.status).toBe("completed");
    expect(html(await showPersonalLink(t.db, config, token, req("en"), { done: true }))).toContain("Your answers have been sent");
    expect(html(await showPersonalLink(t.db, config, token, req("en")))).toContain("You have already answered");
  });

  it("refuses a page with a missing required answer, naming it, and saves nothing", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    const page = await showPersonalLink(t.db, config, token, req("en"));
    const r = await submitPersonalLink(t.db, config, token, [...formOf(page), ["_action", "next"], ["age", "abc"]], req("en"));
    expect(r.kind === "html" && r.status).toBe(422);
    expect(html(r)).toContain('id="error-summary"');
    expect(html(r)).toContain('href="#q-where_now"');
    expect(html(r)).toContain('value="abc"');
    const rows = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(rows).toHaveLength(0);
  });

  it("applies a double-tapped or retried submit once", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    const page = await showPersonalLink(t.db, config, token, req("en"));
    const body: [string, string][] = [...formOf(page), ["_action", "next"], ["where_now", "stayed"]];
    const results = await Promise.all([1, 2, 3].map(() => submitPersonalLink(t.db, config, token, body, req())));
    for (const r of results) expect(r.kind === "redirect" || (r.kind === "html" && r.status === 409)).toBe(true);
    const again = await submitPersonalLink(t.db, config, token, body, req());
    expect(again.kind).toBe("redirect");
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row.revision).toBe(1);
    expect(row.currentPage).toBe("p3");
  });

  it("tells a second tab that answers were updated elsewhere and overwrites nothing", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    const tabA = await showPersonalLink(t.db, config, token, req("en"));
    const tabB = await showPersonalLink(t.db, config, token, req("en"));
    await submitPersonalLink(t.db, config, token, [...formOf(tabA), ["_action", "next"], ["where_now", "returned"]], req("en"));
    const r = await submitPersonalLink(t.db, config, token, [...formOf(tabB), ["_action", "next"], ["where_now", "stayed"]], req("en"));
    expect(r.kind === "html" && r.status).toBe(409);
    expect(html(r)).toContain("changed in another window");
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row.answers).toMatchObject({ where_now: "returned" });
  });

  it("drops answers to questions that became hidden", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    let p = await showPersonalLink(t.db, config, token, req("en"));
    await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["where_now", "returned"]], req());
    p = await showPersonalLink(t.db, config, token, req("en"));
    await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["region", "Lviv"]], req());
    p = await showPersonalLink(t.db, config, token, req("en"));
    await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "back"]], req());
    p = await showPersonalLink(t.db, config, token, req("en"));
    await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "back"]], req());
    p = await showPersonalLink(t.db, config, token, req("en"));
    expect(html(p)).toContain("Where do you live now?");
    await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["where_now", "stayed"]], req());
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row.answers).toEqual({ where_now: "stayed" });
  });

  it("keeps answers when the respondent switches language", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token } = await makeInvitation(t.db, studyId, waveId);
    const p = await showPersonalLink(t.db, config, token, req("en"));
    const r = await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "lang:uk"], ["where_now", "moved_on"], ["age", "40"]], req());
    expect(r).toMatchObject({ kind: "redirect", setLanguage: "uk" });
    const again = await showPersonalLink(t.db, config, token, req());
    expect(html(again)).toContain("Де ви зараз живете?");
    expect(html(again)).toMatch(/value="moved_on" checked/);
    expect(html(again)).toContain('value="40"');
  });

  it("keeps the email apart from the answers, encrypted, with the consent wording and language", async () => {
    const { studyId, waveId, slug, waveSlug } = await makeStudyWave(t.db, smallSurvey, { mode: "open_link" });
    expect(html(await showOpenLink(t.db, config, slug, waveSlug, req("uk")))).toContain("Почати опитування");
    const start = await startOpenLink(t.db, config, slug, waveSlug, req("uk"));
    expect(start.kind).toBe("redirect");
    const token = (start as { location: string }).location.split("/s/")[1].split("?")[0];
    let p = await showPersonalLink(t.db, config, token, req("uk"));
    await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["where_now", "stayed"]], req());
    p = await showPersonalLink(t.db, config, token, req());
    expect(html(p)).toContain("data-cond");
    const last = await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["consent_followup", "yes"], ["email", " Olena@Example.org "]], req());
    await pressSend(t.db, config, token, last, req());
    const [c] = await t.db.select().from(contacts).where(eq(contacts.studyId, studyId));
    expect(c.emailEncrypted).not.toContain("olena");
    expect(decryptPersonal(testKey, c.emailEncrypted)).toBe("olena@example.org");
    expect(c.language).toBe("uk");
    const [resp] = await t.db.select().from(responses).where(eq(responses.waveId, waveId));
    expect(JSON.stringify(resp.answers)).not.toContain("olena");
    const [consent] = await t.db.select().from(consents).where(eq(consents.participantId, c.participantId));
    expect(consent).toMatchObject({ kind: "follow_up_surveys", granted: true, wordingVersion: "c1", language: "uk", method: "survey" });
    expect(consent.wordingText).toContain("Чи можемо ми зв’язатися з вами");

    // A second open-link response with the same address is never merged into the first person:
    // it stays its own participant, and the address's owner is asked "Was this you?".
    const start2 = await startOpenLink(t.db, config, slug, waveSlug, req("en"));
    const token2 = (start2 as { location: string }).location.split("/s/")[1].split("?")[0];
    p = await showPersonalLink(t.db, config, token2, req("en"));
    await submitPersonalLink(t.db, config, token2, [...formOf(p), ["_action", "next"], ["where_now", "stayed"]], req());
    p = await showPersonalLink(t.db, config, token2, req("en"));
    const last2 = await submitPersonalLink(t.db, config, token2, [...formOf(p), ["_action", "next"], ["consent_followup", "yes"], ["email", "olena@example.org"]], req());
    const end = await pressSend(t.db, config, token2, last2, req());
    expect(end.kind).toBe("redirect");
    const all = await t.db.select().from(contacts).where(eq(contacts.studyId, studyId));
    expect(all).toHaveLength(1);
    const people = await t.db.select().from(participants).where(eq(participants.studyId, studyId));
    expect(people).toHaveLength(2);
    const [{ n }] = await executeRows<{ n: number }>(t.db, sql`select count(distinct participant_id)::int as n from responses where wave_id = ${waveId} and status = 'completed'`);
    expect(n).toBe(2);
  });

  it("shows a calm closed page for a closed wave and a not-open page before it opens", async () => {
    const closed = await makeStudyWave(t.db, smallSurvey, { status: "closed" });
    const inv = await makeInvitation(t.db, closed.studyId, closed.waveId);
    const r = await showPersonalLink(t.db, config, inv.token, req("en"));
    expect(html(r)).toContain('data-status="closed"');
    const later = await makeStudyWave(t.db, smallSurvey, { status: "scheduled", opensAt: new Date(Date.now() + 5 * 86_400_000) });
    const inv2 = await makeInvitation(t.db, later.studyId, later.waveId);
    expect(html(await showPersonalLink(t.db, config, inv2.token, req("nb")))).toContain("Undersøkelsen har ikke startet");
    expect(html(await showOpenLink(t.db, config, later.slug, later.waveSlug, req("en")))).toContain("not found".length ? "This link does not work" : "");
  });

  it("lets a respondent leave the study from inside the survey: no more email, contact erased", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    await upsertContact(t.db, { participantId, studyId, emailEncrypted: encryptPersonal(testKey, "leaver@example.org"), emailHash: emailHash(testKey, "leaver@example.org"), language: "en", now: new Date() });
    expect(html(await showWithdraw(t.db, token, req("en")))).toContain("Yes, leave the study");
    const done = await confirmWithdraw(t.db, token, req("en"));
    expect(html(done)).toContain('data-status="withdrawn"');
    expect(await t.db.select().from(contacts).where(eq(contacts.participantId, participantId))).toHaveLength(0);
    const [p] = await t.db.select().from(participants).where(eq(participants.id, participantId));
    expect(p.withdrawnAt).not.toBeNull();
    const withdrawn = await t.db.select().from(consents).where(eq(consents.participantId, participantId));
    expect(withdrawn.some((c) => c.kind === "follow_up_surveys" && !c.granted && c.method === "survey")).toBe(true);
    expect(html(await showPersonalLink(t.db, config, token, req("en")))).toContain("You have left the study");
  });

  it("thanks a panel respondent who may be emailed, once", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    let p = await showPersonalLink(t.db, config, token, req("en"));
    await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["where_now", "stayed"]], req());
    p = await showPersonalLink(t.db, config, token, req("en"));
    const last = await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["consent_followup", "yes"], ["email", "thanks@example.org"]], req());
    expect(await t.db.select().from(outbox).where(eq(outbox.participantId, participantId))).toHaveLength(0);
    await pressSend(t.db, config, token, last, req());
    const mail = await t.db.select().from(outbox).where(eq(outbox.participantId, participantId));
    expect(mail.map((m) => m.kind)).toEqual(["thank_you"]);
  });
});
