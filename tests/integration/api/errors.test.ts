// How the API says no: problem+json with the right status, naming fields; never revealing
// another study; refusing oversized bodies before reading them; limiting each token's rate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeOwnApiToken } from "../../../lib/api/api-token";
import { configureApiRateLimit } from "../../../lib/api/rate-limit";
import { TokenBuckets } from "../../../lib/api/rate-limit";
import { buildOpenApi } from "../../../lib/api/openapi";
import * as me from "../../../app/api/v1/me/route";
import * as openapi from "../../../app/api/v1/openapi.json/route";
import * as studies from "../../../app/api/v1/studies/route";
import * as study from "../../../app/api/v1/studies/[study]/route";
import * as instruments from "../../../app/api/v1/studies/[study]/instruments/route";
import * as importRoute from "../../../app/api/v1/studies/[study]/panel/import/route";
import * as waves from "../../../app/api/v1/studies/[study]/waves/route";
import * as responses from "../../../app/api/v1/studies/[study]/responses/route";
import * as recruitmentList from "../../../app/api/v1/studies/[study]/recruitment/list/route";
import { call, json, startApiTest, userWithToken, type ApiTest } from "./helpers";

let a: ApiTest;
let owner: Awaited<ReturnType<typeof userWithToken>>;
let stranger: Awaited<ReturnType<typeof userWithToken>>;
const S = { study: "errors-study" };
const newStudy = { slug: S.study, name: "Errors", languages: ["uk", "en"] };

beforeAll(async () => {
  a = await startApiTest();
  owner = await userWithToken(a.rt, "researcher");
  stranger = await userWithToken(a.rt, "researcher");
  expect((await call(studies.POST, "", { token: owner.token, json: newStudy })).status).toBe(201);
});
afterAll(async () => {
  await a?.close();
});

describe("API errors", () => {
  it("answers 401 without a token, with a malformed one and with a revoked one, with a Bearer challenge", async () => {
    for (const token of [null, "nonsense", `pw_${"A".repeat(43)}`]) {
      const res = await call(me.GET, "", { token });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(await json(res)).toMatchObject({ status: 401, title: "Authentication required", code: "unauthorized" });
    }
    const temp = await userWithToken(a.rt, "researcher");
    expect((await call(me.GET, "", { token: temp.token })).status).toBe(200);
    await revokeOwnApiToken(a.rt.db, temp.user, temp.tokenId, new Date());
    expect((await call(me.GET, "", { token: temp.token })).status).toBe(401);
  });

  it("answers another researcher's study with the same 404 as a study that does not exist", async () => {
    const theirs = await call(study.GET, "", { token: stranger.token, params: S });
    const none = await call(study.GET, "", { token: stranger.token, params: { study: "no-such-study" } });
    expect(theirs.status).toBe(404);
    expect(await json(theirs)).toEqual(await json(none));
    expect((await call(responses.GET, "", { token: stranger.token, params: S })).status).toBe(404);
    expect((await call(study.GET, "", { token: stranger.token, params: { study: "Not A Slug!" } })).status).toBe(404);
  });

  it("answers 403 when the role may not: a researcher asking for the recruitment list or identified exports", async () => {
    const list = await call(recruitmentList.GET, "", { token: owner.token, params: S });
    expect(list.status).toBe(403);
    expect(await json(list)).toMatchObject({ type: "/api-docs#problem-forbidden", status: 403 });
    expect((await call(responses.GET, "", { token: owner.token, params: S, query: { identifiers: "true" } })).status).toBe(403);
  });

  it("answers 422 naming each field and why", async () => {
    const res = await call(studies.POST, "", { token: owner.token, json: { slug: "Bad Slug", name: "", languages: ["uk", "uk"], defaultLanguage: "de", settings: { tz: 1 } } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const p = await json(res);
    expect(p).toMatchObject({ type: "/api-docs#problem-invalid_input", title: "Validation failed", status: 422, code: "invalid_input" });
    expect(p.errors.map((e: { path: string }) => e.path).sort()).toEqual(["defaultLanguage", "languages", "name", "settings", "slug"]);
    expect(p.errors.find((e: { path: string }) => e.path === "settings").message).toContain("tz");
    const q = await json(await call(responses.GET, "", { token: owner.token, params: S, query: { shape: "tall", since: "yesterday" } }));
    expect(q.errors.map((e: { path: string }) => e.path).sort()).toEqual(["shape", "since"]);
    const typo = await call(responses.GET, "", { token: owner.token, params: S, query: { sinc: "2024-01-01T00:00:00Z" } });
    expect(typo.status).toBe(422);
    expect((await json(typo)).errors).toEqual([{ path: "sinc", message: expect.stringContaining("since") }]);
    const wave = await json(await call(waves.POST, "", {
      token: owner.token, params: S,
      json: { name: "W", slug: "w", instrumentVersionId: "00000000-0000-4000-8000-000000000000", mode: "panel", opensAt: "2030-01-01T00:00:00Z", schedule: { reminderDays: [5, 3] } },
    }));
    expect(wave.errors).toEqual([{ path: "schedule.reminderDays", message: expect.stringContaining("increasing") }]);
  });

  it("locates XLSForm problems by sheet, row and column", async () => {
    const res = await call(instruments.POST, "", {
      token: owner.token, params: S, query: { name: "Broken" }, body: new Uint8Array([80, 75, 3, 4, 1, 2, 3]),
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
    expect(res.status).toBe(422);
    expect((await json(res)).errors[0]).toMatchObject({ path: expect.any(String), message: expect.any(String) });
    const json422 = await json(await call(instruments.POST, "", { token: owner.token, params: S, query: { name: "J" }, json: { title: { en: "x" }, languages: ["en"], defaultLanguage: "en", pages: [] } }));
    expect(json422.errors.length).toBeGreaterThan(0);
  });

  it("answers 400 for a body that is not JSON and 409 for a taken slug", async () => {
    const bad = await call(studies.POST, "", { token: owner.token, body: "{not json", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    const dup = await call(studies.POST, "", { token: owner.token, json: newStudy });
    expect(dup.status).toBe(409);
  });

  it("answers 415 for an unsupported content type", async () => {
    const res = await call(importRoute.POST, "", { token: owner.token, params: S, body: "x", headers: { "content-type": "image/png" } });
    expect(res.status).toBe(415);
  });

  it("refuses an oversized body with 413 before reading it: by Content-Length, and while streaming", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1 << 20).fill(97));
      },
    });
    const declared = await call(importRoute.POST, "", { token: owner.token, params: S, body: endless, headers: { "content-type": "text/csv", "content-length": String(1 << 30) } });
    expect(declared.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(2);
    const streamed = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1 << 20).fill(97));
      },
    });
    pulled = 0;
    const res = await call(importRoute.POST, "", { token: owner.token, params: S, body: streamed, headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(pulled).toBeLessThanOrEqual(40); // 32 MB limit, 1 MB chunks, a little read-ahead
  });

  it("answers 429 with Retry-After when a token exceeds its rate; other tokens are not affected", async () => {
    configureApiRateLimit({ capacity: 3, refillPerSecond: 0.001 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(me.GET, "", { token: owner.token })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await call(me.GET, "", { token: owner.token });
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("ratelimit-remaining")).toBe("0");
      expect((await call(me.GET, "", { token: stranger.token })).status).toBe(200);
    } finally {
      configureApiRateLimit({ capacity: 100_000, refillPerSecond: 1000 });
    }
  });

  it("refills a token's bucket with time (no waiting: time is a parameter)", () => {
    const b = new TokenBuckets({ capacity: 2, refillPerSecond: 1 });
    expect([b.take("t", 0), b.take("t", 0), b.take("t", 0)].map((d) => d.allowed)).toEqual([true, true, false]);
    expect(b.take("t", 500).allowed).toBe(false);
    expect(b.take("t", 1500).allowed).toBe(true);
  });

  it("serves the OpenAPI document without a token, with every endpoint", async () => {
    const res = await openapi.GET();
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
    expect(Object.keys(doc.paths)).toContain("/studies/{study}/responses");
    expect(doc.paths["/studies/{study}/recruitment/list"].get.responses["403"]).toBeDefined();
  });
});
