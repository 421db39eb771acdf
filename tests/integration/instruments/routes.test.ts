// The instrument route handlers: sessions and study membership checked on every request, the
// upload limit and problems as problem+json, downloads, and a preview frame that cannot save.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { StaffUser } from "../../../lib/auth/current-user";
import { uploadInstrumentFile } from "../../../lib/instruments/upload-instrument-file";
import { SURVEY_HEAD, sheetXml, whitespace, xlsx as rawXlsx } from "../../fixtures/forms/raw-xlsx";
import { buildWorkbook } from "../../fixtures/forms/workbook";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { countVersions, instrumentStudy, json, NOW, small, xlsx } from "./setup";

const session = vi.hoisted(() => ({ rt: null as unknown, users: {} as Record<string, StaffUser> }));
vi.mock("../../../lib/runtime", () => ({ getRuntime: async () => session.rt }));

import { readUploadResult } from "../../../app/(staff)/studies/[slug]/instruments/upload-result";
import { POST as uploadRoute } from "../../../app/(staff)/studies/[slug]/instruments/upload/route";
import { GET as downloadRoute } from "../../../app/(staff)/studies/[slug]/instruments/[version]/download/route";
import { GET as frameGet, POST as framePost } from "../../../app/(staff)/studies/[slug]/instruments/[version]/frame/route";

let t: TestDb;
let s: Awaited<ReturnType<typeof instrumentStudy>>;
let v1: string;

beforeAll(async () => {
  t = await createTestDb();
  s = await instrumentStudy(t.db);
  session.users = { admin: s.admin, researcher: s.researcher, outsider: s.outsider };
  session.rt = {
    db: t.db,
    auth: { api: { getSession: async ({ headers }: { headers: Headers }) => { const u = session.users[headers.get("x-test-user") ?? ""]; return u ? { user: u } : null; } } },
  };
  v1 = (await uploadInstrumentFile(t.db, s.admin, s.slug, { name: "Follow-up", filename: "f.json", bytes: json(small) }, NOW)).versionId;
});
afterAll(async () => {
  await t?.drop();
});

const base = "http://localhost:3000";
function uploadRequest(who: string | null, name: string, file: File | null, headers: Record<string, string> = {}) {
  const body = new FormData();
  body.set("name", name);
  if (file) body.set("file", file);
  return new Request(`${base}/studies/${s.slug}/instruments/upload`, { method: "POST", body, headers: { ...(who ? { "x-test-user": who } : {}), host: "localhost:3000", ...headers } });
}
const ctx = (extra: { version?: string } = {}) => ({ params: Promise.resolve({ slug: s.slug, version: extra.version ?? "" }) });

describe("POST /studies/:slug/instruments/upload", () => {
  it("stores a new version for a member researcher and answers with its page", async () => {
    const res = await uploadRoute(uploadRequest("researcher", "Follow-up", new File([await xlsx({ ...small, title: { en: "Changed" } })], "f2.xlsx")), ctx());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ outcome: "created", version: 2, instrument: "Follow-up", warnings: expect.any(Array) });
    expect(body.url).toBe(`/studies/${s.slug}/instruments/${body.versionId}`);
  });

  it("answers every problem of a bad XLSForm as problem+json with sheet, row and column, saving nothing", async () => {
    const before = await countVersions(t.db, s.studyId);
    const bad = await buildWorkbook({ survey: [["type", "name", "label"], ["select_one colour", "fav", "Colour"], ["integer", "fav", "Again"]], choices: [["list_name", "name", "label"], ["colours", "red", "Red"]] });
    const res = await uploadRoute(uploadRequest("admin", "Follow-up", new File([new Uint8Array(bad)], "bad.xlsx")), ctx());
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const p = await res.json();
    expect(p.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: "survey", row: 2, column: "type" }),
      expect.objectContaining({ sheet: "survey", row: 3, column: "name" }),
    ]));
    expect(await countVersions(t.db, s.studyId)).toEqual(before);
  });

  it("refuses a zip bomb from its zip directory with 422 and the limit in words, saving nothing", async () => {
    const before = await countVersions(t.db, s.studyId);
    const bomb = await rawXlsx([{ name: "survey", xml: sheetXml([...SURVEY_HEAD, ...whitespace(300 * 1024 * 1024)]) }]);
    const res = await uploadRoute(uploadRequest("researcher", "Follow-up", new File([new Uint8Array(bomb)], "bomb.xlsx")), ctx());
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([
      { path: "file", message: expect.stringMatching(/^The part "xl\/worksheets\/sheet1.xml" unpacks to 300 MB, [\d,]+ times its packed size; the limit is 100 times/) },
    ]);
    expect(await countVersions(t.db, s.studyId)).toEqual(before);
  }, 60_000);

  it("refuses a file over the limit with 413 and the limit in words", async () => {
    const res = await uploadRoute(uploadRequest("admin", "Follow-up", new File([new Uint8Array(6 * 1024 * 1024)], "huge.xlsx")), ctx());
    expect(res.status).toBe(413);
    expect((await res.json()).detail).toMatch(/too large: a questionnaire may be at most 5 MB/);
  });

  it("answers 401 without a session, 404 to a non-member, 403 to another site, 422 without a file", async () => {
    const file = () => new File([json(small)], "f.json");
    expect((await uploadRoute(uploadRequest(null, "X", file()), ctx())).status).toBe(401);
    expect((await uploadRoute(uploadRequest("outsider", "X", file()), ctx())).status).toBe(404);
    expect((await uploadRoute(uploadRequest("admin", "X", file(), { origin: "https://evil.example" }), ctx())).status).toBe(403);
    expect((await uploadRoute(uploadRequest("admin", "X", null), ctx())).status).toBe(422);
    expect((await uploadRoute(uploadRequest("admin", "X", file()), { params: Promise.resolve({ slug: "../x" }) })).status).toBe(404);
    expect((await countVersions(t.db, s.studyId)).instruments).toBe(1);
  });
});

describe("POST /studies/:slug/instruments/upload as a plain form post (scripts off)", () => {
  /** What the form sends without scripts: its own field names, and a browser's Accept header. */
  function plainPost(who: string | null, instrument: string, file: File | null, newName = "") {
    const body = new FormData();
    body.set("instrument", instrument);
    body.set("newName", newName);
    body.set("file", file ?? new File([], ""));
    return new Request(`${base}/studies/${s.slug}/instruments/upload`, {
      method: "POST", body, headers: { ...(who ? { "x-test-user": who } : {}), host: "localhost:3000", origin: base, accept: "text/html,application/xhtml+xml" },
    });
  }
  /** The cookie the answer sets: its value, path and the id in the redirect. */
  function carried(res: Response) {
    const set = res.headers.get("set-cookie") ?? "";
    const location = new URL(res.headers.get("location")!, base);
    return { location, path: /Path=([^;]+)/.exec(set)?.[1], result: readUploadResult(/^pw-upload-result=([^;]+)/.exec(set)?.[1], location.searchParams.get("result") ?? undefined) };
  }

  it("redirects to the new version with its warnings in a cookie for that page only", async () => {
    const res = await uploadRoute(plainPost("researcher", "__new__", new File([json(small)], "plain.json"), "Plain post"), ctx());
    expect(res.status).toBe(303);
    const { location, path, result } = carried(res);
    expect(location.pathname).toMatch(new RegExp(`^/studies/${s.slug}/instruments/[0-9a-f-]{36}$`));
    expect(location.searchParams.get("uploaded")).toBe("created");
    expect(path).toBe(location.pathname);
    expect(result).toMatchObject({ file: "plain.json", issues: expect.any(Array) });
    expect(readUploadResult(/^pw-upload-result=([^;]+)/.exec(res.headers.get("set-cookie")!)?.[1], "another-id")).toBeNull();
  });

  it("sends a refused file back to the form with every problem's sheet, row and column, saving nothing", async () => {
    const before = await countVersions(t.db, s.studyId);
    const bad = await buildWorkbook({ survey: [["type", "name", "label"], ["select_one colour", "fav", "Colour"]], choices: [["list_name", "name", "label"], ["colours", "red", "Red"]] });
    const res = await uploadRoute(plainPost("admin", "Follow-up", new File([new Uint8Array(bad)], "bad.xlsx")), ctx());
    expect(res.status).toBe(303);
    const { location, path, result } = carried(res);
    expect(location.pathname).toBe(`/studies/${s.slug}/instruments/new`);
    expect(location.searchParams.get("instrument")).toBe("Follow-up");
    expect(path).toBe(location.pathname);
    expect(result?.file).toBe("bad.xlsx");
    expect(result?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: "survey", row: 2, column: "type" })]));
    expect(await countVersions(t.db, s.studyId)).toEqual(before);
  });

  it("names the missing file, and sends a signed-out user to sign in and back", async () => {
    const none = carried(await uploadRoute(plainPost("admin", "Follow-up", null), ctx()));
    expect(none.result?.issues).toEqual([{ path: "file", message: "Choose a file to upload" }]);
    const out = await uploadRoute(plainPost(null, "Follow-up", new File([json(small)], "f.json")), ctx());
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe(`/signin?next=${encodeURIComponent(`/studies/${s.slug}/instruments/new`)}`);
  });
});

describe("GET /studies/:slug/instruments/:version/download", () => {
  it("sends the XLSForm and the JSON as attachments to members, 404 to others", async () => {
    const get = (who: string | null, format: string) =>
      downloadRoute(new Request(`${base}/x?format=${format}`, { headers: who ? { "x-test-user": who } : {} }), ctx({ version: v1 }));
    const x = await get("researcher", "xlsx");
    expect(x.status).toBe(200);
    expect(x.headers.get("content-disposition")).toMatch(/^attachment; filename="follow-up-v1\.xlsx"/);
    expect(new Uint8Array(await x.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const j = await get("admin", "json");
    expect(JSON.parse(await j.text())).toEqual(small);
    expect((await get("outsider", "json")).status).toBe(404);
    expect((await get(null, "json")).status).toBe(401);
  });
});

describe("/studies/:slug/instruments/:version/frame", () => {
  const frame = (who: string | null, query: string) =>
    frameGet(new Request(`${base}/x?${query}`, { headers: who ? { "x-test-user": who } : {} }), ctx({ version: v1 }));

  it("returns the respondent page, framable only by the app, with no script allowed", async () => {
    const res = await frame("researcher", "page=p2&lang=ru");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'.*form-action 'self'.*frame-ancestors 'self'/);
    const html = await res.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain(`action="/studies/${s.slug}/instruments/${v1}/frame"`);
    expect(html).toContain('data-q="region"');
  });

  it("turns the form's buttons into redirects to other pages and languages", async () => {
    const post = (fields: Record<string, string>, who = "researcher") =>
      framePost(new Request(`${base}/x`, { method: "POST", body: new URLSearchParams(fields), headers: { "x-test-user": who, host: "localhost:3000", origin: base } }), ctx({ version: v1 }));
    const self = `/studies/${s.slug}/instruments/${v1}/frame`;
    const next = await post({ _page: "p1", _lang: "uk", _action: "next", where_now: "returned" });
    expect(next.status).toBe(303);
    expect(next.headers.get("location")).toBe(`${self}?page=p2&lang=uk`);
    expect((await post({ _page: "p2", _lang: "uk", _action: "lang:en" })).headers.get("location")).toBe(`${self}?page=p2&lang=en`);
    expect((await post({ _page: "p3", _lang: "en", _action: "next" })).headers.get("location")).toBe(`${self}?page=p3&lang=en&end=1`);
    expect((await post({ _page: "p1", _lang: "en", _action: "next" }, "outsider")).status).toBe(404);
    const end = await frame("admin", "page=p3&lang=en&end=1");
    expect(await end.text()).toContain("End of the questionnaire");
  });

  it("answers 401 without a session and 404 for a malformed version", async () => {
    expect((await frame(null, "")).status).toBe(401);
    const bad = await frameGet(new Request(`${base}/x`, { headers: { "x-test-user": "admin" } }), ctx({ version: "not-a-uuid" }));
    expect(bad.status).toBe(404);
  });
});
