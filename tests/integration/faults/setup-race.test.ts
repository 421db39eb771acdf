// Two instances started together on an empty PostgreSQL database: migrations and the first-start
// seeding (first admin, demo study) run under one advisory lock, so the second waits and goes on.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows, migrateDb, openServerDb, type DbHandle } from "../../../db/client";
import { loadConfig } from "../../../lib/config/load-config";
import { prepareDatabase } from "../../../lib/setup/prepare-database";

const server = process.env.TEST_DATABASE_URL;
const handles: DbHandle[] = [];
const databases: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `panelwave_test_${randomBytes(6).toString("hex")}`;
  const admin = await openServerDb(server!, { max: 1 });
  await admin.sqlClient!.unsafe(`create database ${name}`);
  await admin.close();
  databases.push(name);
  const url = new URL(server!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function open(url: string): Promise<DbHandle> {
  const h = await openServerDb(url, { max: 3 });
  handles.push(h);
  return h;
}

afterAll(async () => {
  for (const h of handles) await h.close().catch(() => {});
  if (!server) return;
  const admin = await openServerDb(server, { max: 1 });
  for (const name of databases) await admin.sqlClient!.unsafe(`drop database if exists ${name} with (force)`);
  await admin.close();
});

describe.skipIf(!server)("two instances starting at once on an empty database (PostgreSQL)", () => {
  it("both migrate: the second waits for the first and finds nothing left to do", async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([open(url), open(url)]);
    const results = await Promise.allSettled([migrateDb(a), migrateDb(b), migrateDb(a)]);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok", "ok"]);
    const [{ n }] = await executeRows<{ n: number }>(a.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const files = (await import("../../../db/migrations/meta/_journal.json")).default.entries.length;
    expect(n).toBe(files);
  });

  it("both prepare (migrate, first admin, demo): one admin, one demo study", async () => {
    const url = await emptyDatabase();
    const env = { DATABASE_URL: url, PERSONAL_DATA_KEY: Buffer.alloc(32, 3).toString("base64"), ADMIN_EMAIL: "first@test.example", ADMIN_PASSWORD: "a long enough password", PANELWAVE_DEMO: "1" };
    const config = loadConfig(env);
    const [a, b] = await Promise.all([open(url), open(url)]);
    const results = await Promise.allSettled([prepareDatabase(a, config, { respondents: 20 }), prepareDatabase(b, config, { respondents: 20 })]);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok"]);
    const count = async (q: ReturnType<typeof sql>) => (await executeRows<{ n: number }>(a.db, q))[0].n;
    expect(await count(sql`select count(*)::int as n from users where role = 'admin' and email = 'first@test.example'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from studies`)).toBe(1);
  });
});

if (!server) {
  describe("two instances starting at once", () => {
    it.skip("needs TEST_DATABASE_URL (a PostgreSQL server): advisory locks are a server feature; the embedded database has one process", () => {});
  });
}
