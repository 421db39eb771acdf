// The language a respondent page remembers in its cookie is always a language code: a stored
// questionnaire language, ?lang= or a cookie that is anything else never reaches Set-Cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as personalLink from "../../app/s/[token]/route";
import { instrumentVersions } from "../../db/schema";
import { loadConfig } from "../../lib/config/load-config";
import { languageCookie, toResponse } from "../../lib/respondent/to-response";
import { htmlOutcome, redirectOutcome } from "../../lib/respondent/outcome";
import { setRuntimeForTests } from "../../lib/runtime";
import type { SurveyDefinitionInput } from "../../lib/surveys/definition";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  const config = loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: "http://localhost:3000" });
  setRuntimeForTests({ config, db: t.db, dbKind: t.kind, auth: null as never });
});
afterAll(async () => {
  setRuntimeForTests(null);
  await t?.drop();
});

const survey = (languages: string[]): SurveyDefinitionInput => ({
  title: Object.fromEntries(languages.map((l) => [l, "Survey"])), languages, defaultLanguage: languages[0],
  pages: [{ id: "p1", questions: [{ name: "age", type: "integer", label: Object.fromEntries(languages.map((l) => [l, "Age"])) }] }],
});

async function linkTo(languages: string[], stored?: string[]) {
  const { studyId, waveId, versionId } = await makeStudyWave(t.db, survey(languages));
  // A version stored before language codes were checked (old data): written straight to the table.
  if (stored) await t.db.update(instrumentVersions).set({ definition: survey(stored) as never }).where(eq(instrumentVersions.id, versionId));
  return (await makeInvitation(t.db, studyId, waveId)).token;
}

const get = (token: string, query = "", cookie?: string) =>
  personalLink.GET(new Request(`http://localhost:3000/s/${token}${query}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ token }) });

describe("the language cookie", () => {
  it("is never written from a stored questionnaire language that is not a code", async () => {
    const evil = "en; Domain=evil.example";
    const token = await linkTo(["en"], [evil]);
    const res = await get(token, `?lang=${encodeURIComponent(evil)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("refuses anything but a language code when writing the cookie", () => {
    for (const bad of ["en; Domain=evil.example", "en\r\nSet-Cookie: admin=1", "uk, x=y"]) {
      expect(toResponse(htmlOutcome("<p>x</p>", 200, bad)).headers.get("set-cookie")).toBeNull();
      expect(toResponse(redirectOutcome("/s/x", bad)).headers.get("set-cookie")).toBeNull();
    }
    expect(toResponse(htmlOutcome("<p>x</p>", 200, "pt-BR")).headers.get("set-cookie")).toBe("pw_lang=pt-BR; Path=/; Max-Age=31536000; SameSite=Lax");
  });

  it("ignores ?lang= and a cookie that are not language codes, and reads back a regional code whole", async () => {
    const token = await linkTo(["en", "pt-BR"]);
    const odd = await get(token, "?lang=pt-BR%3B%20Domain%3Devil.example", "pw_lang=en%0D%0AX");
    // Neither counts as a choice: the page falls back to the study default and no cookie is written
    // (only an explicit, valid choice is remembered).
    expect(await odd.text()).toContain('<html lang="en">');
    expect(odd.headers.get("set-cookie")).toBeNull();
    expect(languageCookie("pw_lang=pt-BR")).toBe("pt-BR");
    expect(languageCookie("a=1; pw_lang=<script>")).toBeNull();
    const remembered = await get(token, "", "pw_lang=pt-BR");
    expect(remembered.headers.get("set-cookie")).toBe("pw_lang=pt-BR; Path=/; Max-Age=31536000; SameSite=Lax");
  });
});
