// One time zone per study: today() on the respondent page, at every save and at completion is the
// study's date (settings.timeZone), not Oslo's or UTC's. The clock is the request's `now`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { consents, studies } from "../../db/schema";
import type { Config } from "../../lib/config/load-config";
import { showPersonalLink, submitPersonalLink } from "../../lib/respondent/personal-link";
import type { Outcome } from "../../lib/respondent/outcome";
import type { SurveyDefinitionInput } from "../../lib/surveys/definition";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { pressSend } from "./helpers/send-step";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";

let t: TestDb;
const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;

// 03:30 UTC on 11 January 2027: still the 10th in Los Angeles, already the 11th in UTC and Oslo.
const now = new Date("2027-01-11T03:30:00Z");
const req = { now, acceptLanguage: "en", requestedLanguage: "en" };

const onTheTenth: SurveyDefinitionInput = {
  title: { en: "Day" },
  languages: ["en"],
  defaultLanguage: "en",
  pages: [{
    id: "p1",
    questions: [
      { name: "tenth", type: "note", relevant: "today() = '2027-01-10'", label: { en: "It is the tenth where the study is." } },
      {
        name: "consent_followup", type: "consent", required: true, wordingVersion: "c1", relevant: "today() = '2027-01-10'",
        label: { en: "Follow-up" }, wording: { en: "May we contact you again?" },
      },
      { name: "age", type: "integer", label: { en: "Your age" } },
    ],
  }],
};

const html = (o: Outcome) => (o.kind === "html" ? o.html : "");
function formOf(page: string): [string, string][] {
  const get = (n: string) => new RegExp(`name="${n}" value="([^"]*)"`).exec(page)?.[1] ?? "";
  return [["_page", get("_page")], ["_rev", get("_rev")], ["_key", get("_key")], ["_lang", get("_lang")]];
}

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

describe("a study in America/Los_Angeles, near midnight UTC", () => {
  it("shows and completes by the study's date: today() is the 10th on the page and at completion", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, onTheTenth, { opensAt: new Date("2027-01-01T00:00:00Z"), closesAt: new Date("2027-02-01T00:00:00Z") });
    await t.db.update(studies).set({ settings: { timeZone: "America/Los_Angeles" } }).where(eq(studies.id, studyId));
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);

    const page = html(await showPersonalLink(t.db, config, token, req));
    const drawn = page.split('id="pw-data"')[0];
    expect(drawn).toContain("It is the tenth where the study is.");
    expect(drawn).toContain("May we contact you again?");
    // The enhancement script evaluates in the same zone.
    expect(page).toContain('"timeZone":"America/Los_Angeles"');

    const last = await submitPersonalLink(t.db, config, token, [...formOf(page), ["_action", "next"], ["consent_followup", "no"], ["age", "40"]], req);
    const done = await pressSend(t.db, config, token, last, req);
    expect(done).toMatchObject({ kind: "redirect", location: `/s/${token}?done=1` });
    // Completion saw the consent question (shown on the 10th) and recorded the answer.
    const recorded = await t.db.select().from(consents).where(eq(consents.participantId, participantId));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: "follow_up_surveys", granted: false });
  });

  it("hides what belongs to another day in the study's zone", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, onTheTenth, { opensAt: new Date("2027-01-01T00:00:00Z"), closesAt: new Date("2027-02-01T00:00:00Z") });
    await t.db.update(studies).set({ settings: { timeZone: "Pacific/Auckland" } }).where(eq(studies.id, studyId));
    const { token } = await makeInvitation(t.db, studyId, waveId);
    // What is drawn, not the definition the enhancement script carries.
    const drawn = html(await showPersonalLink(t.db, config, token, req)).split('id="pw-data"')[0];
    expect(drawn).toContain("Your age");
    expect(drawn).not.toContain("It is the tenth where the study is.");
  });
});
