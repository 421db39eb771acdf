// The respondent pages speak one language end to end: month and date fields labelled in it and
// read in every accepted shape (stored ISO), the switcher at the top of the page, the chosen
// language carried to the status pages, and the study's name and contact from its texts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { responses, studies } from "../../db/schema";
import type { Config } from "../../lib/config/load-config";
import { showPersonalLink, submitPersonalLink } from "../../lib/respondent/personal-link";
import { showWithdraw } from "../../lib/respondent/withdraw-from-survey";
import type { SurveyDefinitionInput } from "../../lib/surveys/definition";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";
import { formOf, html } from "./helpers/respondent-form";

let t: TestDb;
const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;
const req = (lang?: string | null, accept = "uk-UA,uk;q=0.9") => ({ now: new Date(), acceptLanguage: accept, requestedLanguage: lang ?? null });
const L = (uk: string, ru: string, en: string) => ({ uk, ru, en });

const survey: SurveyDefinitionInput = {
  title: L("Опитування", "Опрос", "Survey"), languages: ["uk", "ru", "en"], defaultLanguage: "uk",
  pages: [
    { id: "p1", questions: [
      { name: "left_month", type: "month", label: L("Коли ви виїхали?", "Когда вы уехали?", "When did you leave?"), required: true },
      { name: "born", type: "date", label: L("Дата народження", "Дата рождения", "Date of birth") },
    ] },
    { id: "p2", questions: [{ name: "note", type: "text", label: L("Коментар", "Комментарий", "Comment") }] },
  ],
};


beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

async function link() {
  const { studyId, waveId } = await makeStudyWave(t.db, survey);
  await t.db.update(studies).set({
    texts: {
      uk: { name: "Чому виїжджають?", contactName: "Олена Коваленко", contactEmail: "olena@example.org" },
      ru: { name: "Почему уезжают?", contactName: "Елена Коваленко" },
    },
  }).where(eq(studies.id, studyId));
  return { studyId, ...(await makeInvitation(t.db, studyId, waveId)) };
}

describe("month and date questions", () => {
  it("are separate fields labelled in the page language, with no browser picker or English hint", async () => {
    const { token } = await link();
    const page = html(await showPersonalLink(t.db, config, token, req("uk")));
    for (const name of ["left_month:month", "left_month:year", "born:day", "born:month", "born:year"]) expect(page).toContain(`name="${name}"`);
    expect(page).toMatch(/<label for="q-left_month-in">Місяць<\/label>/);
    expect(page).toContain(">Рік</label>");
    expect(page).toContain(">День</label>");
    expect(page).not.toMatch(/\stype="(month|date)"|YYYY|РРРР/);
    const ru = html(await showPersonalLink(t.db, config, token, req("ru")));
    expect(ru).toContain(">Месяц</label>");
    expect(ru).toContain(">Год</label>");
  });

  it("stores '03.2023' typed into the month field and a day/month/year date as ISO, and shows them again", async () => {
    const { token, participantId } = await link();
    const first = await showPersonalLink(t.db, config, token, req("uk"));
    const r = await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ["left_month:month", "03.2023"], ["left_month:year", ""], ["born:day", "10"], ["born:month", "5"], ["born:year", "1990"]], req("uk"));
    expect(r.kind).toBe("redirect");
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row.answers).toEqual({ left_month: "2023-03", born: "1990-05-10" });
    const second = await showPersonalLink(t.db, config, token, req("uk"));
    await submitPersonalLink(t.db, config, token, [...formOf(second), ["_action", "back"]], req("uk"));
    const again = html(await showPersonalLink(t.db, config, token, req("uk")));
    expect(again).toContain('name="left_month:month" value="3"');
    expect(again).toContain('name="left_month:year" value="2023"');
    expect(again).toContain('name="born:day" value="10"');
  });

  it("accepts '3/2023' too, and refuses a missing year naming the question and saying what to fix", async () => {
    const { token, participantId } = await link();
    const first = await showPersonalLink(t.db, config, token, req("uk"));
    const bad = await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ["left_month:month", "3"], ["left_month:year", ""]], req("uk"));
    expect(bad.kind === "html" && bad.status).toBe(422);
    expect(html(bad)).toContain("Коли ви виїхали?: Введіть рік чотирма цифрами, наприклад 2023.");
    // What was typed is shown again as typed.
    expect(html(bad)).toContain('name="left_month:month" value="3"');
    const wrongDay = await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ["left_month:month", "3/2023"], ["born:day", "31"], ["born:month", "4"], ["born:year", "1990"]], req("uk"));
    expect(html(wrongDay)).toContain("Дата народження: Такого дня в цьому місяці немає");
    const ok = await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ["left_month:month", "3/2023"]], req("uk"));
    expect(ok.kind).toBe("redirect");
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row.answers).toEqual({ left_month: "2023-03" });
  });
});

describe("the language switcher and the chosen language", () => {
  it("is at the top of the survey page, above the form, and Enter still means next", async () => {
    const { token } = await link();
    const page = html(await showPersonalLink(t.db, config, token, req("uk")));
    const lang = page.indexOf('class="lang"');
    expect(lang).toBeGreaterThan(-1);
    expect(lang).toBeLessThan(page.indexOf("<form"));
    expect(lang).toBeLessThan(page.indexOf('class="progress"'));
    // The first submit button in document order (Enter's) has no _action: the server reads "next".
    expect(page.indexOf('class="vh"')).toBeLessThan(lang);
    expect(page.match(/value="next"/g)).toHaveLength(1);
  });

  it("carries a language switched on the survey to the status pages; an explicit ?lang= still wins", async () => {
    const { token } = await link();
    const first = await showPersonalLink(t.db, config, token, req(null));
    expect(html(first)).toContain('<html lang="uk">');
    const switched = await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "lang:ru"], ["left_month:month", "4"], ["left_month:year", "2022"]], req(null));
    const ru = await showPersonalLink(t.db, config, token, req(null));
    expect(html(ru)).toContain('<html lang="ru">');
    expect(switched.setLanguage ?? (switched.kind === "redirect" ? switched.setLanguage : undefined)).toBe("ru");
    await submitPersonalLink(t.db, config, token, [...formOf(ru), ["_action", "next"], ["left_month:month", "4"], ["left_month:year", "2022"]], req(null));
    const p2 = await showPersonalLink(t.db, config, token, req(null));
    await submitPersonalLink(t.db, config, token, [...formOf(p2), ["_action", "next"]], req(null));
    // The send step, then the completed page and the withdraw page: in Russian, the language answered in, with the switcher at the top.
    const sendStep = await showPersonalLink(t.db, config, token, req(null), { step: "send" });
    const send = html(sendStep);
    expect(send).toContain('<html lang="ru">');
    expect(send).toContain('name="_action" value="send"');
    expect(send.indexOf('<nav class="lang"')).toBeLessThan(send.indexOf("<h1"));
    await submitPersonalLink(t.db, config, token, [...formOf(sendStep), ["_action", "send"]], req(null));
    const done = html(await showPersonalLink(t.db, config, token, req(null), { done: true }));
    expect(done).toContain('<html lang="ru">');
    expect(done).toContain('data-status="thanks"');
    expect(done.indexOf('<nav class="lang"')).toBeLessThan(done.indexOf("<h1"));
    expect(done).toContain('<a href="?lang=uk" lang="uk" hreflang="uk">Українська</a>');
    expect(html(await showWithdraw(t.db, token, req(null)))).toContain('<html lang="ru">');
    expect(html(await showPersonalLink(t.db, config, token, req("uk")))).toContain('<html lang="uk">');
  });
});

describe("study name and contact", () => {
  it("come from the study's texts in the page language, falling back to the default language's", async () => {
    const { token } = await link();
    const uk = html(await showPersonalLink(t.db, config, token, req("uk")));
    expect(uk).toContain("Олена Коваленко");
    expect(uk).toContain("olena@example.org");
    expect(uk).not.toContain("Study team");
    const ru = html(await showPersonalLink(t.db, config, token, req("ru")));
    expect(ru).toContain("Елена Коваленко");
    // Russian has no address of its own, nor has the default language (English): the study's own.
    expect(ru).toContain("Елена Коваленко, team@example.org");
  });
});
