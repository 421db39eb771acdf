// Studies through the API: create with every setting, PATCH partial updates, 422 naming the JSON
// path, languages in use kept, the slug frozen once a wave exists, permissions and the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import * as studies from "../../../app/api/v1/studies/route";
import * as study from "../../../app/api/v1/studies/[study]/route";
import * as instruments from "../../../app/api/v1/studies/[study]/instruments/route";
import * as waves from "../../../app/api/v1/studies/[study]/waves/route";
import { smallSurvey } from "../../fixtures/small-survey";
import { call, json, startApiTest, userWithToken, type ApiTest } from "./helpers";

let a: ApiTest;
let researcher: string;
let researcherId: string;
let outsider: string;
let admin: string;
const S = { study: "settings-study" };

beforeAll(async () => {
  a = await startApiTest();
  const r = await userWithToken(a.rt, "researcher");
  researcher = r.token;
  researcherId = r.user.id;
  outsider = (await userWithToken(a.rt, "researcher")).token;
  admin = (await userWithToken(a.rt, "admin")).token;
});
afterAll(async () => {
  await a?.close();
});

const audit = (action: string) =>
  executeRows<{ action: string; target: string; user_id: string; details: unknown }>(a.t.db, sql`select action, target, user_id, details from audit_log where action = ${action} order by id`);
const patch = (token: string, body: unknown, params = S) => call(study.PATCH, "", { token, params, json: body });

describe("POST /studies with every setting", () => {
  it("creates the study with texts per language, time zone and status mapping; the creator is a member; audited", async () => {
    const res = await call(studies.POST, "", {
      token: researcher,
      json: {
        slug: "settings-study", name: "Panel study", description: "Life after leaving", languages: ["uk", "en"], defaultLanguage: "en",
        contactName: "Study team", contactEmail: "team@example.org",
        texts: { uk: { name: "Панельне дослідження", contactName: "Команда" } },
        statusVariable: "where_now", statusMapping: { stayed: "stayed", returned: "returned" },
        settings: { timeZone: "Europe/Kyiv" },
      },
    });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({
      slug: "settings-study", name: "Panel study", defaultLanguage: "en", settings: { timeZone: "Europe/Kyiv" },
      texts: {
        en: { name: "Panel study", description: "Life after leaving", contactName: "Study team", contactEmail: "team@example.org" },
        uk: { name: "Панельне дослідження", contactName: "Команда" },
      },
    });
    const [member] = await executeRows<{ user_id: string }>(a.t.db, sql`select user_id from study_members where study_id = ${body.id}`);
    expect(member.user_id).toBe(researcherId);
    const [entry] = await audit("study.create");
    expect(entry).toMatchObject({ target: "settings-study", user_id: researcherId });
  });

  it("refuses texts for a language the study does not have, naming the path", async () => {
    const res = await call(studies.POST, "", { token: researcher, json: { slug: "x-study", name: "X", languages: ["en"], texts: { uk: { name: "Х" } } } });
    expect(res.status).toBe(422);
    expect((await json(res)).errors).toEqual([expect.objectContaining({ path: "texts.uk" })]);
  });
});

describe("PATCH /studies/{study}", () => {
  it("changes only the fields given and merges settings key by key", async () => {
    const res = await patch(researcher, { contactEmail: "new@example.org", settings: { recruitmentColumns: [{ key: "age", label: "Age group", variable: "age", valueLabels: { "1": "<30" } }] } });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ name: "Panel study", contactEmail: "new@example.org", statusVariable: "where_now" });
    expect(body.settings).toEqual({ timeZone: "Europe/Kyiv", recruitmentColumns: [{ key: "age", label: "Age group", variable: "age", valueLabels: { "1": "<30" } }] });
    expect(body.texts.en.contactEmail).toBe("new@example.org");
  });

  it("answers 422 naming each JSON path, and saves nothing", async () => {
    const res = await patch(researcher, {
      name: "Renamed", settings: { timeZone: "Mars/Olympus", recruitmentColumns: [{ key: "age group", label: "", variable: "age" }] }, defaultLanguage: "English",
    });
    expect(res.status).toBe(422);
    const paths = (await json(res)).errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(["defaultLanguage", "settings.recruitmentColumns.0.key", "settings.recruitmentColumns.0.label", "settings.timeZone"]);
    expect((await json(await call(study.GET, "", { token: researcher, params: S }))).name).toBe("Panel study");
  });

  it("refuses unknown fields and a default language outside the languages", async () => {
    const unknown = await patch(researcher, { colour: "blue" });
    expect(unknown.status).toBe(422);
    const outside = await patch(researcher, { defaultLanguage: "nb" });
    const errors = (await json(outside)).errors;
    expect(errors, JSON.stringify(errors)).toEqual([expect.objectContaining({ path: "defaultLanguage", message: "Must be one of the languages" })]);
  });

  it("makes another language the default: its texts become the name and contact", async () => {
    const body = await json(await patch(researcher, { defaultLanguage: "uk", contactEmail: "uk@example.org" }));
    expect(body).toMatchObject({ defaultLanguage: "uk", name: "Панельне дослідження", contactName: "Команда", contactEmail: "uk@example.org" });
    expect(body.texts.en).toMatchObject({ name: "Panel study", contactEmail: "new@example.org" });
    await patch(researcher, { defaultLanguage: "en" });
  });

  it("audits a change of the status mapping with its values before and after", async () => {
    expect((await patch(researcher, { statusMapping: { stayed: "stayed", returned: "returned", moved_on: "moved_on" } })).status).toBe(200);
    const entries = await audit("study.update");
    const last = entries[entries.length - 1];
    const details = (typeof last.details === "string" ? JSON.parse(last.details) : last.details) as { outcome: Record<string, any> };
    expect(details.outcome.changed).toEqual(["statusMapping"]);
    expect(details.outcome.status.before.mapping).toEqual({ stayed: "stayed", returned: "returned" });
    expect(details.outcome.status.after.mapping).toMatchObject({ moved_on: "moved_on" });
  });

  it("writes and audits nothing when nothing changes", async () => {
    const n = (await audit("study.update")).length;
    const res = await patch(researcher, { contactName: "Study team", settings: {} });
    expect(res.status).toBe(200);
    expect((await audit("study.update")).length).toBe(n);
  });

  it("never drops a language a questionnaire version of the study is in, and names the version", async () => {
    const up = await call(instruments.POST, "", { token: researcher, params: S, query: { name: "Wave 1" }, json: { ...smallSurvey, languages: ["uk", "en"] } });
    expect(up.status).toBe(201);
    const res = await patch(researcher, { languages: ["en"] });
    expect(res.status).toBe(422);
    const [issue] = (await json(res)).errors;
    expect(issue.path).toBe("languages");
    expect(issue.message).toContain('"uk" cannot be removed');
    expect(issue.message).toContain("Wave 1");
    // Adding one is fine.
    expect((await json(await patch(researcher, { languages: ["uk", "en", "nb"] }))).languages).toEqual(["uk", "en", "nb"]);
  });

  it("lets the slug change until the study has a wave", async () => {
    expect((await json(await patch(researcher, { slug: "settings-study-2" }))).slug).toBe("settings-study-2");
    const S2 = { study: "settings-study-2" };
    expect((await patch(researcher, { slug: "settings-study" }, S2)).status).toBe(200);
    const version = (await json(await call(instruments.GET, "", { token: researcher, params: S }))).instruments[0].versions[0].id;
    const wave = await call(waves.POST, "", {
      token: researcher, params: S,
      json: { name: "Wave 1", slug: "w1", instrumentVersionId: version, mode: "open_link", opensAt: "2030-01-01T00:00:00Z" },
    });
    expect(wave.status).toBe(201);
    const res = await patch(researcher, { slug: "renamed" });
    expect(res.status).toBe(422);
    expect((await json(res)).errors[0].path).toBe("slug");
  });

  it("answers 409 for a slug another study has", async () => {
    await call(studies.POST, "", { token: admin, json: { slug: "other-study", name: "Other", languages: ["en"] } });
    expect((await patch(admin, { slug: "settings-study" }, { study: "other-study" })).status).toBe(409);
  });

  it("answers 404 to a researcher who is not a member (the study's existence is not revealed), 200 to an admin", async () => {
    expect((await patch(outsider, { name: "Taken over" })).status).toBe(404);
    expect((await patch(admin, { name: "Panel study (admin)" })).status).toBe(200);
  });
});
