// The stop-emails page /u/<token> through its route: drawn by the respondent renderer (its
// stylesheet and shell) in the participant's language, and a broken link in the language the
// request asks for, never an English-only, unstyled page. One-click POST keeps working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { consents, participants, studies } from "../../../db/schema";
import { upsertContact } from "../../../db/queries/participants";
import { emailHash, encryptPersonal } from "../../../lib/crypto/personal-data";
import { unsubscribeToken } from "../../../lib/mail/unsubscribe-token";
import { RESPONDENT_CSS } from "../../../lib/respondent/render/styles";
import { smallSurvey } from "../../fixtures/small-survey";
import { startApiTest, type ApiTest } from "../api/helpers";
import { get, post, unsubscribeLink } from "../boundary/helpers";
import { makeInvitation, makeStudyWave } from "../helpers/factories";
import { testKey } from "../helpers/test-db";

let a: ApiTest;
beforeAll(async () => {
  a = await startApiTest();
});
afterAll(async () => {
  await a?.close();
});

async function participant(language: string) {
  const { studyId, waveId } = await makeStudyWave(a.t.db, smallSurvey);
  const { participantId } = await makeInvitation(a.t.db, studyId, waveId);
  const email = `p-${participantId.slice(0, 8)}@example.org`;
  await upsertContact(a.t.db, { participantId, studyId, emailEncrypted: encryptPersonal(testKey, email), emailHash: emailHash(testKey, email), language, now: new Date() });
  return { participantId, token: unsubscribeToken(a.rt.config.personalDataKey, participantId) };
}

describe("the stop-emails page", () => {
  it("answers a broken link from a Ukrainian phone in Ukrainian, with the respondent stylesheet", async () => {
    // A token of the wrong shape, and one of the right shape that is nobody's.
    for (const token of ["broken", "A".repeat(43)]) {
      const res = await get(unsubscribeLink(token), { lang: "uk-UA,uk;q=0.9,en;q=0.5" });
      expect(res.status, token).toBe(404);
      const page = await res.text();
      expect(page, token).toContain('<html lang="uk">');
      expect(page, token).toContain("Посилання для відписки пошкоджене");
      expect(page, token).toContain(RESPONDENT_CSS);
      expect(page, token).not.toContain("This stop-emails link is damaged");
      expect(page, token).toContain(`<a href="?lang=ru" lang="ru" hreflang="ru">Русский</a>`);
    }
  });

  it("answers a broken link in the language asked for, and a one-click POST to it reads nothing", async () => {
    expect(await (await get(unsubscribeLink("A".repeat(43)), { lang: "nb-NO" })).text()).toContain('<html lang="nb">');
    const res = await post(unsubscribeLink("A".repeat(43)), "List-Unsubscribe=One-Click", { lang: "ru" });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<html lang="ru">');
  });

  it("shows the confirmation in the participant's language as a respondent page, with forms that need no script", async () => {
    const p = await participant("uk");
    const res = await get(unsubscribeLink(p.token), { lang: "en" });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain(RESPONDENT_CSS);
    expect(page).toContain('<main class="card" id="main">');
    expect(page).toContain(`<form method="post" action="/u/${p.token}"><input type="hidden" name="action" value="stop">`);
    expect(page).toContain("Відписатися від листів");
    expect(page).not.toContain("<script");
  });

  it("stops email on the RFC 8058 one-click POST and says so in the participant's language", async () => {
    const p = await participant("ru");
    const res = await post(unsubscribeLink(p.token), "List-Unsubscribe=One-Click");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Вы больше не будете получать письма");
    expect(page).toContain(RESPONDENT_CSS);
    const rows = await a.t.db.select().from(consents).where(eq(consents.participantId, p.participantId));
    expect(rows).toMatchObject([{ kind: "follow_up_surveys", granted: false, method: "unsubscribe_link" }]);
  });

  it("names the study and its contact in the page's language (study texts), and ?lang= changes it, form included", async () => {
    const p = await participant("ru");
    const [{ studyId }] = await a.t.db.select({ studyId: participants.studyId }).from(participants).where(eq(participants.id, p.participantId));
    await a.t.db.update(studies).set({ texts: { ru: { name: "Украинцы в Норвегии", contactName: "Елена" }, uk: { name: "Українці в Норвегії", contactName: "Олена" } } }).where(eq(studies.id, studyId));
    const ru = await (await get(unsubscribeLink(p.token), { lang: "en" })).text();
    expect(ru).toContain("Больше не получать письма от «Украинцы в Норвегии»?");
    expect(ru).toContain("Елена, team@example.org");
    expect(ru).not.toContain("Study s-");
    const uk = await (await get(unsubscribeLink(p.token), { query: "?lang=uk" })).text();
    expect(uk).toContain("«Українці в Норвегії»");
    expect(uk).toContain(`action="/u/${p.token}?lang=uk"`);
    expect(uk.indexOf('<nav class="lang"')).toBeLessThan(uk.indexOf("<h1"));
  });
});
