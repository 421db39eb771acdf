// A connection that dies inside a transaction (its backend terminated, a server restart, a cut
// network) must not leave the app unable to reach the database. postgres.js 3.4.9 leaves such a
// connection unable to send anything again (every later connect on it times out): the pool is
// renewed when the connection fails, so the next queries work as soon as the server answers.
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows, openServerDb, type DbHandle } from "../../../db/client";
import { isServiceUnavailable } from "../../../db/availability";
import { createTestDb, type TestDb } from "../helpers/test-db";

const server = process.env.TEST_DATABASE_URL;
let t: TestDb | undefined;
const handles: DbHandle[] = [];

afterAll(async () => {
  for (const h of handles) await h.close().catch(() => {});
  await t?.drop();
});

describe.skipIf(!server)("a connection that dies inside a transaction (PostgreSQL)", () => {
  it("fails that transaction with a 503 and leaves the next queries working", async () => {
    t = await createTestDb();
    const url = new URL(server!);
    url.pathname = `/${t.name}`;
    // One connection, so a broken one would be the only one there is.
    const app = await openServerDb(url.toString(), { max: 1 });
    handles.push(app);
    const err = await app.db
      .transaction(async (tx) => {
        const [{ pid }] = await executeRows<{ pid: number }>(tx as never, sql`select pg_backend_pid() as pid`);
        await t!.sqlClient!.unsafe(`select pg_terminate_backend(${pid})`);
        await new Promise((r) => setTimeout(r, 50));
        await executeRows(tx as never, sql`select 1`);
      })
      .then(() => null, (e) => e);
    expect(isServiceUnavailable(err)).toBe(true);

    const started = Date.now();
    let answered = false;
    while (!answered && Date.now() - started < 15_000) {
      answered = await executeRows(app.db, sql`select 1 as ok`).then(() => true, () => false);
      if (!answered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(answered).toBe(true);
  });
});

if (!server) {
  describe("a connection that dies inside a transaction", () => {
    it.skip("needs TEST_DATABASE_URL (a backend of a PostgreSQL server is terminated)", () => {});
  });
}
