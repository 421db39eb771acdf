import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseTrustProxy } from "../../../lib/config/load-config";
import { clientAddress, clientKey, ignoreForwardedHeaders } from "../../../lib/http/client-address";

let server: Server | null = null;
let remove: (() => void) | null = null;
afterEach(async () => {
  remove?.();
  remove = null;
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

/** Sends one request with a forged X-Forwarded-For to a real HTTP server; returns what its handler saw. */
async function seenBehind(): Promise<string | undefined> {
  let seen: string | undefined;
  server = createServer((req, res) => {
    seen = req.headers["x-forwarded-for"] as string | undefined;
    res.end("ok");
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" } })).text();
  return seen;
}

describe("the client's address", () => {
  it("is the last X-Forwarded-For entry (the nearest hop), or null", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": " 198.51.100.2 " }))).toBe("198.51.100.2");
    expect(clientAddress(new Headers())).toBeNull();
  });

  it("ignores what the client sends unless TRUST_PROXY is set", async () => {
    remove = ignoreForwardedHeaders(false);
    expect(await seenBehind()).toBeUndefined();
    remove();
    remove = ignoreForwardedHeaders(true);
    expect(await seenBehind()).toBe("6.6.6.6");
  });

  it("is kept only as a keyed hash", () => {
    const key = Buffer.alloc(32, 1);
    expect(clientKey(key, "203.0.113.9")).not.toContain("203");
    expect(clientKey(key, "203.0.113.9")).toBe(clientKey(key, "203.0.113.9"));
    expect(clientKey(key, "203.0.113.9")).not.toBe(clientKey(key, "203.0.113.10"));
  });

  it("reads TRUST_PROXY strictly", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("1")).toBe(true);
    expect(parseTrustProxy("false")).toBe(false);
    expect(() => parseTrustProxy("maybe")).toThrow(/TRUST_PROXY/);
  });
});
