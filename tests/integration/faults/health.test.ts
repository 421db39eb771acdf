// /api/health tries a small committed write: a database that answers reads but cannot write
// (a full disk, a read-only standby) is "degraded" with a 503, not "ok".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows, openServerDb, type DbHandle } from "../../../db/client";
import { GET } from "../../../app/api/health/route";
import { loadConfig } from "../../../lib/config/load-config";
import { getHealth } from "../../../lib/health/get-health";
import { createAppAuth, setRuntimeForTests } from "../../../lib/runtime";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";

let t: TestDb;
const extra: DbHandle[] = [];
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  setRuntimeForTests(null);
  for (const h of extra) await h.close().catch(() => {});
  await t?.drop();
});

function useDb(h: DbHandle) {
  const config = loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: "http://localhost:3000" });
  setRuntimeForTests({ config, db: h.db, dbKind: h.kind, auth: createAppAuth(h.db, config) });
}

/** A handle whose every transaction is read-only, as on a standby or a full disk that refuses writes. */
async function readOnlyHandle(): Promise<DbHandle> {
  if (t.kind === "pglite") {
    await executeRows(t.db, sql`set default_transaction_read_only = on`);
    return t;
  }
  await t.sqlClient!.unsafe(`alter database ${t.name} set default_transaction_read_only = on`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${t.name}`;
  const h = await openServerDb(url.toString(), { max: 1 });
  extra.push(h);
  return h;
}

describe("health", () => {
  it("says ok (200) when the database reads and writes", async () => {
    useDb(t);
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("says degraded (503) when the database answers but cannot write", async () => {
    useDb(await readOnlyHandle());
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "degraded", error: "the database answers but a write failed" });
    if (t.kind === "pglite") await executeRows(t.db, sql`set default_transaction_read_only = off`);
    else await t.sqlClient!.unsafe(`alter database ${t.name} reset default_transaction_read_only`);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("says degraded when a write does not finish within the time limit (PostgreSQL)", async () => {
    useDb(t);
    const locker = await openServerDb(new URL(`/${t.name}`, process.env.TEST_DATABASE_URL).toString(), { max: 1 });
    extra.push(locker);
    await locker.sqlClient!.begin(async (tx) => {
      await tx.unsafe("lock table meta in exclusive mode");
      expect(await getHealth({ timeoutMs: 500 })).toMatchObject({ status: "degraded", error: "the database answers but a write took longer than 500 ms" });
    });
  });
});
