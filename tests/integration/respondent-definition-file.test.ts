// The compiled definition as a file (GET /r/def/<versionId>.json): what the enhancement script
// fetches instead of every page inlining it. Only versions a wave uses, cached for a year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import * as definitionRoute from "../../app/r/def/[file]/route";
import * as personalLink from "../../app/s/[token]/route";
import type { Db } from "../../db/client";
import { insertInstrumentVersion } from "../../db/queries/seed";
import { loadConfig } from "../../lib/config/load-config";
import { setRuntimeForTests, type Runtime } from "../../lib/runtime";
import { surveyDefinitionSchema, type SurveyDefinitionInput } from "../../lib/surveys/definition";
import { loadStoredDefinition } from "../../lib/surveys/load-stored-definition";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";

let t: TestDb;
let runtime: Runtime;

beforeAll(async () => {
  t = await createTestDb();
  const config = loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: "http://localhost:3000" });
  runtime = { config, db: t.db, dbKind: t.kind, auth: null as never };
  setRuntimeForTests(runtime);
});
afterAll(async () => {
  setRuntimeForTests(null);
  await t?.drop();
});

const en = (s: string) => ({ en: s });
const twoPages = (tag: string): SurveyDefinitionInput => ({
  title: en(`Survey ${tag}`), languages: ["en"], defaultLanguage: "en",
  pages: [
    { id: "p1", questions: [{ name: "age", type: "integer", label: en("Your age") }] },
    { id: "p2", questions: [{ name: "town", type: "text", label: en(`Only on the second page ${tag}`) }] },
  ],
});

const get = (file: string) => definitionRoute.GET(new Request(`http://localhost:3000/r/def/${file}`), { params: Promise.resolve({ file }) });
const pageOf = async (token: string) => (await personalLink.GET(new Request(`http://localhost:3000/s/${token}`), { params: Promise.resolve({ token }) })).text();
const pwData = (html: string) => JSON.parse(/<script type="application\/json" id="pw-data">([^<]*)<\/script>/.exec(html)![1]) as Record<string, unknown>;
// A database that fails whatever is asked of it: what answers then answered without one.
const noDatabase = new Proxy({}, { get: () => { throw new Error("the database was used"); } }) as Db;

describe("GET /r/def/<versionId>.json", () => {
  it("answers a version a wave uses with its compact definition, cached for a year", async () => {
    const { versionId } = await makeStudyWave(t.db, twoPages("a"));
    const res = await get(`${versionId}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await res.text();
    expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(surveyDefinitionSchema.parse(twoPages("a")))));
    expect(body).not.toMatch(/\n\s/);
  });

  it("never answers a draft, even one staff pages have parsed, nor a version that does not exist", async () => {
    const { studyId } = await makeStudyWave(t.db, twoPages("b"));
    const draft = await insertInstrumentVersion(t.db, { studyId, name: "Draft", definition: surveyDefinitionSchema.parse(twoPages("draft")), sourceFormat: "json" });
    loadStoredDefinition(draft, surveyDefinitionSchema.parse(twoPages("draft")));
    const res = await get(`${draft}.json`);
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await get(`${randomUUID()}.json`)).status).toBe(404);
  });

  it("answers a malformed name with 404, not an error, without asking the database", async () => {
    setRuntimeForTests({ ...runtime, db: noDatabase });
    try {
      for (const file of ["abc.json", "abc", `${randomUUID()}`, `${randomUUID()}.js`, `${"z".repeat(8)}-zzzz-zzzz-zzzz-${"z".repeat(12)}.json`, "'%20or%201=1.json", `../${randomUUID()}.json`]) {
        expect((await get(file)).status, file).toBe(404);
      }
    } finally {
      setRuntimeForTests(runtime);
    }
  });

  it("is what a respondent page points to, and is answered from the parsed cache once a page was drawn from it", async () => {
    const { studyId, waveId, versionId } = await makeStudyWave(t.db, twoPages("c"));
    const { token } = await makeInvitation(t.db, studyId, waveId);
    const html = await pageOf(token);
    const data = pwData(html);
    expect(data).not.toHaveProperty("definition");
    expect(data).toMatchObject({ page: "p1", lang: "en" });
    expect(data.definitionUrl).toMatch(new RegExp(`^/r/def/${versionId}\\.json\\?v=[0-9a-f]{12}$`));
    // The page no longer carries the questionnaire: the second page's wording is not in it.
    expect(html).not.toContain("Only on the second page c");

    setRuntimeForTests({ ...runtime, db: noDatabase });
    try {
      const res = await get(`${versionId}.json`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Only on the second page c");
    } finally {
      setRuntimeForTests(runtime);
    }
  });
});
