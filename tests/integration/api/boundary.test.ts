// Text the database cannot store is refused at the API boundary with its field path, never a
// 500 on every retry: NUL and other control characters, unpaired surrogates, bytes that are not
// UTF-8, absurd nesting; and a body that breaks off is a 400.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as studies from "../../../app/api/v1/studies/route";
import * as instruments from "../../../app/api/v1/studies/[study]/instruments/route";
import { smallSurvey } from "../../fixtures/small-survey";
import { call, json, startApiTest, userWithToken, type ApiTest } from "./helpers";

let a: ApiTest;
let token: string;
const S = { study: "boundary-study" };

beforeAll(async () => {
  a = await startApiTest();
  token = (await userWithToken(a.rt, "researcher")).token;
  expect((await call(studies.POST, "", { token, json: { slug: S.study, name: "Boundary", languages: ["uk", "en"] } })).status).toBe(201);
});
afterAll(async () => {
  await a?.close();
});

const listSlugs = async () => (await json(await call(studies.GET, "", { token }))).studies.map((s: { slug: string }) => s.slug);

describe("API strings", () => {
  it("refuses a NUL, another control character or an unpaired surrogate in a JSON string or key, naming the field", async () => {
    const bodies: [unknown, string][] = [
      [{ slug: "nul-1", name: "Study\u0000", languages: ["en"] }, "name"],
      [{ slug: "nul-2", name: "Study\u001b[31m", languages: ["en"] }, "name"],
      [{ slug: "nul-3", name: "Study \ud800", languages: ["en"] }, "name"],
      [{ slug: "nul-4", name: "Study", languages: ["en"], "x\u0000": 1 }, "x"],
    ];
    for (const [body, path] of bodies) {
      const res = await call(studies.POST, "", { token, json: body });
      expect(res.status, path).toBe(422);
      const p = await json(res);
      expect(p).toMatchObject({ code: "invalid_input" });
      expect(p.errors[0].path).toBe(path);
      expect(p.errors[0].message).toMatch(/U\+(0000|001B|D800)/);
    }
    expect(await listSlugs()).not.toContain("nul-1");
  });

  it("refuses a JSON body that is not UTF-8 with 400", async () => {
    const body = Buffer.concat([Buffer.from('{"slug":"bad-utf8","name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","languages":["en"]}')]);
    const res = await call(studies.POST, "", { token, body, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toContain("UTF-8");
    expect(await listSlugs()).not.toContain("bad-utf8");
  });

  it("refuses a control character in a query parameter or form field (the instrument's name)", async () => {
    const res = await call(instruments.POST, "", { token, params: S, query: { name: "Wave\u00001" }, json: smallSurvey });
    expect(res.status).toBe(422);
    expect((await json(res)).errors[0].path).toBe("name");
    const form = new FormData();
    form.set("name", "Wave\u00071");
    form.set("file", new Blob([JSON.stringify(smallSurvey)], { type: "application/json" }), "w.json");
    const multipart = await call(instruments.POST, "", { token, params: S, body: form });
    expect(multipart.status).toBe(422);
  });

  it("refuses nesting deeper than 64 levels without exhausting the stack", async () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const res = await call(studies.POST, "", { token, body: `{"slug":"deep","name":"D","languages":["en"],"x":${deep}}`, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(422);
    expect((await json(res)).errors[0].message).toContain("Nested more than 64 levels");
  });

  it("answers a body that breaks off while it is read with 400", async () => {
    let sent = false;
    const broken = new ReadableStream<Uint8Array>({
      pull(c) {
        if (!sent) {
          sent = true;
          c.enqueue(new TextEncoder().encode('{"slug":"broken",'));
        } else c.error(new Error("connection reset"));
      },
    });
    const res = await call(studies.POST, "", { token, body: broken, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
  });
});
