// The end of a survey (issue 18): the send step, the completion page with what happens next,
// each page at its own URL (the browser's Back), and the withdraw page's choices.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, consents, participants, responses } from "../../db/schema";
import { insertWave } from "../../db/queries/waves";
import type { Config } from "../../lib/config/load-config";
import type { Outcome } from "../../lib/respondent/outcome";
import { showPersonalLink, submitPersonalLink } from "../../lib/respondent/personal-link";
import { confirmWithdraw, showWithdraw } from "../../lib/respondent/withdraw-from-survey";
import { smallSurvey } from "../fixtures/small-survey";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { pressSend } from "./helpers/send-step";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";

let t: TestDb;
const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;
const req = (lang: string | null = "uk") => ({ now: new Date(), acceptLanguage: "uk", requestedLanguage: lang });
const html = (o: Outcome) => (o.kind === "html" ? o.html : "");
const formOf = (o: Outcome): [string, string][] =>
  ["_page", "_rev", "_key", "_lang"].map((n) => [n, new RegExp(`name="${n}" value="([^"]*)"`).exec(html(o))?.[1] ?? ""]);
const status = async (participantId: string) => (await t.db.select().from(responses).where(eq(responses.participantId, participantId)))[0]?.status;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

/** Answers the small survey's three pages (returned, Kyiv, no consent) up to the send step. */
async function toSendStep(token: string, lang = "uk") {
  let p = await showPersonalLink(t.db, config, token, req(lang));
  await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["where_now", "returned"], ["age", "30"]], req(lang));
  p = await showPersonalLink(t.db, config, token, req(lang));
  await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["region", "Kyiv"]], req(lang));
  p = await showPersonalLink(t.db, config, token, req(lang));
  return submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["consent_followup", "no"]], req(lang));
}

describe("finishing a survey", () => {
  it("leads the last page to a send step; only sending completes, and the completion page alone shows 100 %", async () => {
    const { studyId, waveId, versionId } = await makeStudyWave(t.db, smallSurvey);
    const opens = new Date(Date.UTC(2030, 0, 10, 9));
    await insertWave(t.db, { studyId, slug: "w2", name: "Wave 2", position: 2, instrumentVersionId: versionId, mode: "panel", status: "scheduled", opensAt: opens, closesAt: new Date(Date.UTC(2030, 1, 1)) }, new Date());
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    const last = await toSendStep(token, "ru");
    expect(last).toMatchObject({ kind: "redirect", location: `/s/${token}?step=send` });
    expect(await status(participantId)).not.toBe("completed");

    const step = await showPersonalLink(t.db, config, token, req("ru"), { step: "send" });
    expect(html(step)).toContain("Отправьте свои ответы");
    expect(html(step)).toContain('value="send"');
    expect(html(step)).toContain(`href="/s/${token}?p=p3"`); // Back goes to the last page
    expect(html(step)).not.toMatch(/value="100"/);
    // Without ?step=send, the link shows the last page again (nothing is lost, nothing is sent).
    expect(html(await showPersonalLink(t.db, config, token, req("ru")))).toContain('data-q="consent_followup"');

    const done = await pressSend(t.db, config, token, last, req("ru"));
    expect(done).toMatchObject({ kind: "redirect", location: `/s/${token}?done=1` });
    expect(await status(participantId)).toBe("completed");
    const page = html(await showPersonalLink(t.db, config, token, req("ru"), { done: true }));
    expect(page).toContain('data-status="thanks"');
    expect(page).toContain("Ваши ответы отправлены");
    expect(page).toMatch(/<progress max="100" value="100" aria-labelledby="progress-text">/);
    expect(page).toContain("Следующий опрос откроется 10 января 2030");
    // Changing one's details is a link to My details, not "reply to an email".
    expect(page).toMatch(/Обновите их здесь: <a href="\/d\/[A-Za-z0-9_-]{43}" data-details>Мои данные<\/a>/);
    expect(page).toContain("Контактное лицо исследования: Study team");
  });

  it("refuses a send before the last page is answered, and a send with a stale revision", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    let p = await showPersonalLink(t.db, config, token, req());
    await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["where_now", "stayed"]], req());
    // At the last page but not past it: ?step=send shows the page, and a send is refused.
    p = await showPersonalLink(t.db, config, token, req(), { step: "send" });
    expect(html(p)).toContain('data-q="consent_followup"');
    const early = await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "send"]], req());
    expect(early.kind).toBe("redirect");
    expect(await status(participantId)).not.toBe("completed");
    const last = await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["consent_followup", "no"]], req());
    expect(last).toMatchObject({ location: `/s/${token}?step=send` });
    const step = await showPersonalLink(t.db, config, token, req(), { step: "send" });
    const stale = formOf(step).map(([k, v]): [string, string] => [k, k === "_rev" ? String(Number(v) - 1) : v]);
    await submitPersonalLink(t.db, config, token, [...stale, ["_action", "send"]], req());
    expect(await status(participantId)).not.toBe("completed");
    await submitPersonalLink(t.db, config, token, [...formOf(step), ["_action", "send"]], req());
    expect(await status(participantId)).toBe("completed");
  });

  it("gives every page its own URL, so the browser's Back shows the page before", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token } = await makeInvitation(t.db, studyId, waveId);
    const p1 = await showPersonalLink(t.db, config, token, req("en"));
    const r1 = await submitPersonalLink(t.db, config, token, [...formOf(p1), ["_action", "next"], ["where_now", "returned"]], req("en"));
    expect(r1).toMatchObject({ location: `/s/${token}?p=p2` });
    const p2 = await showPersonalLink(t.db, config, token, req("en"), { page: "p2" });
    const r2 = await submitPersonalLink(t.db, config, token, [...formOf(p2), ["_action", "next"], ["region", "Lviv"]], req("en"));
    expect(r2).toMatchObject({ location: `/s/${token}?p=p3` });
    // Back: the earlier URL shows the earlier page with its answers.
    const back = html(await showPersonalLink(t.db, config, token, req("en"), { page: "p1" }));
    expect(back).toContain('data-page="p1"');
    expect(back).toMatch(/value="returned" checked/);
    // A page not reached yet, or not in the survey, shows where the respondent stands.
    expect(html(await showPersonalLink(t.db, config, token, req("en"), { page: "nope" }))).toContain('data-page="p3"');
    // After the in-page Back (p2), Forward to p3 still works: every page before it is complete.
    const again = await showPersonalLink(t.db, config, token, req("en"), { page: "p3" });
    await submitPersonalLink(t.db, config, token, [...formOf(again), ["_action", "back"]], req("en"));
    expect(html(await showPersonalLink(t.db, config, token, req("en"), { page: "p3" }))).toContain('data-page="p3"');
  });

  it("names the question in errors, and the page title starts with the language's Error:", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token } = await makeInvitation(t.db, studyId, waveId);
    const p = await showPersonalLink(t.db, config, token, req("uk"));
    const r = html(await submitPersonalLink(t.db, config, token, [...formOf(p), ["_action", "next"], ["age", "x"]], req("uk")));
    expect(r).toMatch(/<title>Помилка: /);
    expect(/<title>[^<]*<\/title>/.exec(r)?.[0]).not.toContain("⚠");
    expect(r).toContain("Введіть відповідь на питання «Ваш вік» цілим числом, наприклад 63");
  });
});

describe("the withdraw page", () => {
  it("offers a red leave button, a secondary back link and stopping the emails only", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    const page = html(await showWithdraw(t.db, token, req("ru")));
    expect(page).toMatch(/<button type="submit" class="warn">Да, выйти из исследования<\/button><a class="btn sec" href="\/s\/[^"]+">Назад<\/a>/);
    expect(page).toContain("Также удалить мои ответы");
    expect(page).toContain("Только прекратить письма");
    const stopped = html(await confirmWithdraw(t.db, token, req("ru"), [["action", "stop"]]));
    expect(stopped).toContain('data-status="emails-stopped"');
    const [p] = await t.db.select().from(participants).where(eq(participants.id, participantId));
    expect(p.withdrawnAt).toBeNull();
    const rows = await t.db.select().from(consents).where(eq(consents.participantId, participantId));
    expect(rows.some((c) => c.kind === "follow_up_surveys" && !c.granted)).toBe(true);
  });

  it("records 'delete my answers too' as a request for the admins, deleting nothing", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    await toSendStep(token);
    const done = html(await confirmWithdraw(t.db, token, req("uk"), [["action", "withdraw"], ["delete_answers", "yes"]]));
    expect(done).toContain('data-status="withdrawn"');
    expect(done).toContain("data-erasure-requested");
    const [p] = await t.db.select().from(participants).where(eq(participants.id, participantId));
    expect(p.withdrawnAt).not.toBeNull();
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "participant.erasure_requested"));
    expect(audit.filter((a) => a.studyId === studyId)).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("@");
    expect(await status(participantId)).toBeDefined(); // the answers are still there until an admin acts
  });
});
