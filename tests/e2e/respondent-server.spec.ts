// The respondent pages that scripts/server.mjs serves itself, outside Next.js's request pipeline
// (scripts/respondent-routes.mjs): compressed when the client accepts it (HTTP_COMPRESSION is on
// by default), with a length otherwise, and every other method or malformed path left to Next.js.
import { expect, test } from "@playwright/test";

test("a respondent page is gzipped for a client that accepts it and sent plain with its length to one that does not", async ({ request, baseURL }) => {
  // The open link's start page: served by the same lean path as /s, and it uses up no demo link.
  const path = "/j/ua-norway/refresh";
  // Node's own fetch, to see the response's headers as sent (it decodes the body).
  const zipped = await fetch(`${baseURL}${path}`, { headers: { "accept-encoding": "gzip" } });
  expect(zipped.status).toBe(200);
  expect(zipped.headers.get("content-encoding")).toBe("gzip");
  expect(zipped.headers.get("vary")).toMatch(/Accept-Encoding/i);
  expect(zipped.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  expect(await zipped.text()).toContain('<form method="post"');
  const plain = await request.get(path, { headers: { "accept-encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  const body = await plain.body();
  expect(Number(plain.headers()["content-length"])).toBe(body.length);
  expect(body.toString()).toContain('<form method="post"');
});

// A link that was never issued: the method decides before the token is looked at.
const UNKNOWN = "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

test("methods a respondent route does not have, and malformed paths, still get Next.js's answers, never a 500", async ({ request }) => {
  const link = UNKNOWN;
  expect((await request.put(link, { data: "x" })).status()).toBe(405);
  expect((await request.delete(link)).status()).toBe(405);
  // A malformed %-escape is an unknown link (Next.js itself answered it with a 500).
  expect((await request.get("/s/%E0%A4%A")).status()).toBe(404);
  expect((await request.post("/s/%E0%A4%A", { form: { a: "1" } })).status()).toBe(404);
  expect((await request.get("/s/abc/def/ghi")).status()).toBe(404);
});

test("a post refused before its body is read closes its connection cleanly: the client's next request is answered", async ({ baseURL }) => {
  const http = await import("node:http");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { port, hostname } = new URL(baseURL!);
  const send = (method: string, path: string, body?: Buffer) =>
    new Promise<number>((resolve, reject) => {
      const r = http.request({ host: hostname, port, method, path, agent, headers: body ? { "content-type": "application/x-www-form-urlencoded", "content-length": body.length } : {} }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      r.on("error", reject);
      if (body) r.write(body);
      r.end();
    });
  try {
    const body = Buffer.from(`a=${"x".repeat(300_000)}`);
    expect(await send("POST", UNKNOWN, body)).toBe(404);
    expect(await send("GET", "/api/health")).toBe(200);
    expect(await send("POST", "/j/ua-norway/refresh", body)).toBe(413);
    expect(await send("GET", "/api/health")).toBe(200);
  } finally {
    agent.destroy();
  }
});
