// Password guessing: a per-account lock-out with back-off and a per-address limit, both in the
// database (shared by instances), the address never taken from a header the client chose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { takeAttempt } from "../../../db/queries/auth-throttle";
import { createUser } from "../../../lib/auth/create-user";
import { SIGN_IN_PER_ACCOUNT } from "../../../lib/auth/sign-in-throttle";
import { loadConfig } from "../../../lib/config/load-config";
import { markPeerHeaderSet, PEER_HEADER } from "../../../lib/http/client-ip";
import { createAppAuth, setRuntimeForTests } from "../../../lib/runtime";
import { POST as authRoute } from "../../../app/api/auth/[...all]/route";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";

let t: TestDb;
const config = loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: "http://localhost:3000" });

beforeAll(async () => {
  t = await createTestDb();
  markPeerHeaderSet(true);
});
afterAll(async () => {
  markPeerHeaderSet(false);
  await t?.drop();
});

let n = 0;
const peer = () => `198.51.100.${++n % 250}`;
const signIn = (auth: ReturnType<typeof createAppAuth>, email: string, password: string, from = peer()) =>
  auth.api.signInEmail({ body: { email, password }, headers: new Headers({ [PEER_HEADER]: from }) });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: { statusCode?: number; body?: { message?: string } }) => ({ status: e.statusCode, message: e.body?.message }));

describe("sign-in lock-out per account", () => {
  it("refuses the right password after 5 failures, from any address, with the same words for an unknown account", async () => {
    const auth = createAppAuth(t.db, config);
    await createUser(t.db, { email: "target@example.org", password: "the right password", name: "T", role: "admin" });
    for (const email of ["target@example.org", "nobody-here@example.org"]) {
      for (let i = 0; i < 5; i++) expect(await failure(signIn(auth, email, `guess ${i} of the password`))).toMatchObject({ status: 401 });
      const locked = await failure(signIn(auth, email, "the right password"));
      expect(locked).toEqual({ status: 429, message: "Too many attempts. Try again in 1 minute." });
    }
  });

  it("holds across instances: a lock taken on one is honoured by another", async () => {
    const a = createAppAuth(t.db, config);
    const b = createAppAuth(t.db, config);
    await createUser(t.db, { email: "shared@example.org", password: "the right password", name: "S", role: "researcher" });
    for (let i = 0; i < 5; i++) await failure(signIn(i % 2 ? a : b, "shared@example.org", `guess ${i} of it`));
    expect(await failure(signIn(b, "shared@example.org", "the right password"))).toMatchObject({ status: 429 });
    expect(await failure(signIn(a, "SHARED@example.org ", "the right password"))).toMatchObject({ status: 429 });
  });

  it("forgives the failures of someone who then signs in", async () => {
    const auth = createAppAuth(t.db, config);
    await createUser(t.db, { email: "clumsy@example.org", password: "the right password", name: "C", role: "researcher" });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await failure(signIn(auth, "clumsy@example.org", `typo ${i} in it`));
      expect((await signIn(auth, "clumsy@example.org", "the right password")).user.email).toBe("clumsy@example.org");
    }
  });

  it("doubles the lock with each further attempt, up to an hour", async () => {
    const t0 = new Date("2024-05-01T10:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const locks: number[] = [];
    let clock = 0;
    for (let i = 0; i < 12; i++) {
      const r = await takeAttempt(t.db, "test:backoff", SIGN_IN_PER_ACCOUNT, at(clock));
      expect(r.allowed).toBe(true);
      if (r.lockedUntil) {
        locks.push((r.lockedUntil.getTime() - at(clock).getTime()) / 1000);
        expect((await takeAttempt(t.db, "test:backoff", SIGN_IN_PER_ACCOUNT, at(clock + 1))).allowed).toBe(false);
        clock = (r.lockedUntil.getTime() - t0.getTime()) / 1000;
      } else clock += 1;
    }
    expect(locks).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
    // A day of quiet starts the count again.
    const later = await takeAttempt(t.db, "test:backoff", SIGN_IN_PER_ACCOUNT, at(clock + 86_401));
    expect(later).toEqual({ allowed: true, lockedUntil: null });
  });
});

describe("the per-address limit", () => {
  it("cannot be dodged by sending a new X-Forwarded-For each time", async () => {
    const rt = { config, db: t.db, dbKind: t.kind, auth: createAppAuth(t.db, config) };
    setRuntimeForTests(rt);
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        // As scripts/server.mjs hands it over: the socket's address in PEER_HEADER, whatever the client says.
        const res = await authRoute(new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": `10.9.${i}.${i}`, "x-panelwave-client-ip": `10.8.${i}.1` },
          body: JSON.stringify({ email: `sprayed${i}@example.org`, password: "some guess at it" }),
        }));
        statuses.push(res.status);
      }
    } finally {
      setRuntimeForTests(null);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    const [{ n: rows }] = await executeRows<{ n: unknown }>(t.db, sql`select count(*) as n from rate_limits where key like '203.0.113.7|%'`);
    expect(Number(rows)).toBe(1);
  });

  it("is kept in the database and counts guesses across accounts (password spraying)", async () => {
    const auth = createAppAuth(t.db, config);
    const from = "192.0.2.99";
    const results: (number | undefined)[] = [];
    for (let i = 0; i < 51; i++) results.push((await failure(signIn(auth, `user${i}@spray.example`, "Winter2024!!", from)))?.status);
    expect(results.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(results[50]).toBe(429);
    const [{ n: keys }] = await executeRows<{ n: unknown }>(t.db, sql`select count(*) as n from auth_throttle where key like 'sign-in:ip:%'`);
    expect(Number(keys)).toBeGreaterThan(0);
    expect(JSON.stringify(await executeRows(t.db, sql`select key from auth_throttle`))).not.toContain(from);
  });
});
