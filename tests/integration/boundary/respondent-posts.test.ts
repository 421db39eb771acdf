// The public respondent routes at their boundary: the link is checked before a post is read, at
// most the survey's limit is read, anything but a readable form gets a calm 4xx page in the
// respondent's language, text that cannot be stored is refused at its field, and "other, specify"
// text typed without ticking "other" counts as "other".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { participants, responses } from "../../../db/schema";
import { upsertContact } from "../../../db/queries/participants";
import { emailHash, encryptPersonal } from "../../../lib/crypto/personal-data";
import { unsubscribeToken } from "../../../lib/mail/unsubscribe-token";
import { smallSurvey } from "../../fixtures/small-survey";
import { startApiTest, type ApiTest } from "../api/helpers";
import { makeInvitation, makeStudyWave } from "../helpers/factories";
import { testKey } from "../helpers/test-db";
import { textSurvey } from "./fixture";
import { formOf, get, lazyBody, openLinkOf, personalLink, post, unsubscribeLink, withdrawLink, type Target } from "./helpers";

let a: ApiTest;
beforeAll(async () => {
  a = await startApiTest();
});
afterAll(async () => {
  await a?.close();
});

const MB = 1 << 20;
const TOO_LARGE_UK = "Не вдалося зберегти сторінку";
const UNREADABLE_UK = "Не вдалося прочитати сторінку";

async function invitation(def = textSurvey) {
  const { studyId, waveId } = await makeStudyWave(a.t.db, def);
  return { studyId, ...(await makeInvitation(a.t.db, studyId, waveId)) };
}
const answersOf = async (participantId: string) =>
  (await a.t.db.select().from(responses).where(eq(responses.participantId, participantId)))[0]?.answers;
const withdrawnAt = async (participantId: string) =>
  (await a.t.db.select().from(participants).where(eq(participants.id, participantId)))[0].withdrawnAt;

describe("a post to a respondent link", () => {
  it("is not read at all when the link is unknown", async () => {
    const targets: Target[] = [
      personalLink("A".repeat(27)), withdrawLink("A".repeat(27)), openLinkOf("no-such-study", "w1"), unsubscribeLink("A".repeat(43)),
    ];
    for (const t of targets) {
      const body = lazyBody(32 * MB);
      const res = await post(t, body.stream);
      expect(res.status, t.path).toBe(404);
      expect(body.pulled(), t.path).toBe(0);
    }
  });

  it("is read no further than its limit, and answered 413 with a calm page in the respondent's language", async () => {
    const inv = await invitation();
    // The stop-emails page speaks the language of the participant's contact.
    const email = "olena@example.org";
    await upsertContact(a.t.db, { participantId: inv.participantId, studyId: inv.studyId, emailEncrypted: encryptPersonal(testKey, email), emailHash: emailHash(testKey, email), language: "uk", now: new Date() });
    const open = await makeStudyWave(a.t.db, smallSurvey, { mode: "open_link" });
    const targets: Target[] = [personalLink(inv.token), withdrawLink(inv.token), openLinkOf(open.slug, open.waveSlug), unsubscribeLink(unsubscribeToken(a.rt.config.personalDataKey, inv.participantId))];
    for (const t of targets) {
      const body = lazyBody(32 * MB);
      const res = await post(t, body.stream);
      expect(res.status, t.path).toBe(413);
      expect(res.headers.get("content-type"), t.path).toContain("text/html");
      const page = await res.text();
      expect(page, t.path).toContain(TOO_LARGE_UK);
      expect(page).toContain('lang="uk"');
      expect(body.pulled(), t.path).toBeLessThan(MB);
    }
    // A declared length over the limit is refused before a byte is read.
    const declared = lazyBody(300 * MB);
    const res = await post(personalLink(inv.token), declared.stream, { headers: { "content-length": String(300 * MB) } });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain(`href="/s/${inv.token}"`);
    expect(declared.pulled()).toBe(0);
    expect(await withdrawnAt(inv.participantId)).toBeNull();
    expect(await answersOf(inv.participantId)).toBeUndefined();
  });

  it("that is not a form, or a broken multipart, gets a calm 415 or 400 page and changes nothing", async () => {
    const inv = await invitation();
    const open = await makeStudyWave(a.t.db, smallSurvey, { mode: "open_link" });
    const page = await (await get(personalLink(inv.token))).text();
    const cases: { type: string | null; body: string; status: number }[] = [
      { type: null, body: formOf(page, [["city", "kyiv"]]), status: 415 },
      { type: "text/plain", body: formOf(page, [["city", "kyiv"]]), status: 415 },
      { type: "application/json", body: '{"city":"kyiv"}', status: 415 },
      { type: "multipart/form-data; boundary=xyz", body: "--xyz\r\nContent-Disposition: form-data; name=\"city\"\r\n\r\nkyiv", status: 400 },
      { type: "multipart/form-data", body: "--xyz\r\n\r\n", status: 400 },
    ];
    for (const t of [personalLink(inv.token), withdrawLink(inv.token), openLinkOf(open.slug, open.waveSlug)]) {
      for (const c of cases) {
        const res = await post(t, c.body, { type: c.type });
        expect(res.status, `${t.path} ${c.type}`).toBe(c.status);
        expect(await res.text()).toContain(UNREADABLE_UK);
      }
    }
    expect(await answersOf(inv.participantId)).toBeUndefined();
    expect(await withdrawnAt(inv.participantId)).toBeNull();
    expect(await a.t.db.select().from(participants).where(eq(participants.studyId, open.studyId))).toHaveLength(0);
  });

  it("still works as a form, urlencoded or multipart", async () => {
    const inv = await invitation();
    const page = await (await get(personalLink(inv.token))).text();
    const fd = new FormData();
    for (const [k, v] of new URLSearchParams(formOf(page, [["city", "kyiv"], ["job", "Лікарка"]]))) fd.append(k, v);
    const multipart = new Response(fd);
    const res = await post(personalLink(inv.token), await multipart.arrayBuffer(), { type: multipart.headers.get("content-type") });
    expect(res.status).toBe(303);
    expect(await answersOf(inv.participantId)).toEqual({ city: "kyiv", job: "Лікарка" });
  });
});

describe("text that cannot be stored", () => {
  it("is refused at its field in the page's language, nothing is saved, and the cleaned answer then saves", async () => {
    const inv = await invitation();
    const page = await (await get(personalLink(inv.token))).text();
    const res = await post(personalLink(inv.token), formOf(page, [["city", "kyiv"], ["job", "Лі\u0000карка"]]));
    expect(res.status).toBe(422);
    const again = await res.text();
    expect(again).toContain('id="q-job-err"');
    expect(again).toContain("Ця відповідь містила невидимі символи");
    expect(again).toContain('value="Лікарка"');
    expect(again).toMatch(/<li><a href="#q-job">Ваша робота: /);
    expect(await answersOf(inv.participantId)).toBeUndefined();
    expect((await post(personalLink(inv.token), formOf(again, [["city", "kyiv"], ["job", "Лікарка"]]))).status).toBe(303);
    expect(await answersOf(inv.participantId)).toEqual({ city: "kyiv", job: "Лікарка" });
  });

  it("is refused whichever button was pressed", async () => {
    const inv = await invitation();
    const page = await (await get(personalLink(inv.token))).text();
    const res = await post(personalLink(inv.token), formOf(page, [["city", "kyiv"], ["job", "a\u0007b"]], "lang:en"));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("This answer contained invisible characters");
    expect(await answersOf(inv.participantId)).toBeUndefined();
  });

  it("includes bytes that are not UTF-8 (urlencoded or multipart) and unpaired surrogates", async () => {
    const inv = await invitation();
    const page = await (await get(personalLink(inv.token))).text();
    for (const bad of ["%FF%FEabc", "%ED%A0%80", "abc%C3"]) {
      const res = await post(personalLink(inv.token), `${formOf(page, [["city", "kyiv"]])}&job=${bad}`);
      expect(res.status, bad).toBe(422);
      expect(await res.text()).toContain('id="q-job-err"');
    }
    const boundary = "b0undary";
    const head = formOf(page, [["city", "kyiv"]]).split("&").map((kv) => kv.split("=").map(decodeURIComponent));
    const parts = head.map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    const body = Buffer.concat([...parts, Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="job"\r\n\r\nab`), Buffer.from([0xff, 0xc3]), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await post(personalLink(inv.token), body, { type: `multipart/form-data; boundary=${boundary}` });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('id="q-job-err"');
    expect(await answersOf(inv.participantId)).toBeUndefined();
  });

  it("allows line breaks in a multi-line answer only", async () => {
    const inv = await invitation();
    let page = await (await get(personalLink(inv.token))).text();
    const refused = await post(personalLink(inv.token), formOf(page, [["city", "kyiv"], ["job", "one\ntwo"], ["story", "one\r\ntwo\tthree"]]));
    expect(refused.status).toBe(422);
    page = await refused.text();
    expect(page).toContain('id="q-job-err"');
    expect(page).not.toContain('id="q-story-err"');
    expect((await post(personalLink(inv.token), formOf(page, [["city", "kyiv"], ["job", "one two"], ["story", "one\r\ntwo\tthree"]]))).status).toBe(303);
    expect(await answersOf(inv.participantId)).toEqual({ city: "kyiv", job: "one two", story: "one\ntwo\tthree" });
  });

  it("leaves room for a page's long answers: a full multi-line answer in Cyrillic is more than 64 KB posted", async () => {
    const inv = await invitation();
    const page = await (await get(personalLink(inv.token))).text();
    const story = "Ї".repeat(10_000);
    const body = formOf(page, [["city", "kyiv"], ["job", "ж".repeat(2000)], ["story", story]]);
    expect(body.length).toBeGreaterThan(64 * 1024);
    expect((await post(personalLink(inv.token), body)).status).toBe(303);
    expect(await answersOf(inv.participantId)).toMatchObject({ story });
  });
});

describe("'other, specify' with scripts off", () => {
  it("counts text typed without ticking 'other' as choosing 'other'", async () => {
    const inv = await invitation();
    const page = await (await get(personalLink(inv.token))).text();
    const res = await post(personalLink(inv.token), formOf(page, [["help", "family"], ["city_other", "Lviv"], ["help_other", "Neighbours"]]));
    expect(res.status).toBe(303);
    expect(await answersOf(inv.participantId)).toEqual({ city: "other", city_other: "Lviv", help: ["family", "other"], help_other: "Neighbours" });
  });

  it("asks at the field, naming the question, when the text comes with another single choice", async () => {
    const inv = await invitation();
    const page = await (await get(personalLink(inv.token))).text();
    const res = await post(personalLink(inv.token), formOf(page, [["city", "kyiv"], ["city_other", "Lviv"]]));
    expect(res.status).toBe(422);
    const html = await res.text();
    const box = /<div class="other" data-other-for="city"[^>]*>.*?<\/div>/s.exec(html)?.[0] ?? "";
    expect(box).not.toContain("hidden");
    expect(box).toContain('id="q-city_other-err"');
    expect(box).toContain('value="Lviv"');
    expect(box).toContain('aria-describedby="q-city_other-err"');
    expect(html).toContain("Де ви живете? – Уточніть, будь ласка: Оберіть «Деінде», щоб дати цю відповідь, або зітріть текст.");
    expect(await answersOf(inv.participantId)).toBeUndefined();
  });
});
