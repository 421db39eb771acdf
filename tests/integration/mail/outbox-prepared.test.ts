// The outbox's claim, context and marks are named prepared statements whose text does not depend on
// how many rows they touch (db/queries/prepared.ts, #15): on the PostgreSQL server, a connection
// of a pool of one keeps exactly one prepared statement per outbox query however the batch sizes
// vary; on both databases, repeated claim and mark cycles record the outcomes they are given.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows, openServerDb, type Db, type DbHandle } from "../../../db/client";
import {
  claimDueOutbox,
  insertOutbox,
  loadDeliveryContext,
  markOutboxCancelled,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxSent,
  reclaimStaleOutbox,
  releaseClaimedOutbox,
} from "../../../db/queries/outbox";
import { preparedStatementNames } from "../../../db/queries/prepared";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
let one: DbHandle | undefined;
/** The database the cycles run on: on the server, a pool of one connection, so its prepared statements can be read. */
let db: Db;

beforeAll(async () => {
  t = await createTestDb();
  one = t.kind === "postgres" ? await openServerDb(t.url!, { max: 1 }) : undefined;
  db = one?.db ?? t.db;
});
afterAll(async () => {
  await one?.close();
  await t?.drop();
});

const T = new Date("2024-03-01T10:00:00Z");
const later = (ms: number) => new Date(T.getTime() + ms);

async function queue(prefix: string, n: number, due: Date): Promise<void> {
  await insertOutbox(
    db,
    Array.from({ length: n }, (_, i) => ({ kind: "test", template: "invitation", language: "en", idempotencyKey: `${prefix}:${i}`, nextAttemptAt: due })),
  );
}

async function statuses(): Promise<Record<string, { status: string; pid: string | null; attempts: number; error: string | null }>> {
  const rows = await executeRows<{ key: string; status: string; pid: string | null; attempts: unknown; error: string | null }>(
    db,
    sql`select idempotency_key as key, status, provider_message_id as pid, attempts, last_error as error from outbox`,
  );
  return Object.fromEntries(rows.map((r) => [r.key, { status: r.status, pid: r.pid, attempts: Number(r.attempts), error: r.error }]));
}

/** The outbox statements prepared on the single pooled connection (server only). */
async function preparedOutboxStatements(): Promise<string[]> {
  const client = one!.sqlClient!;
  // The word is a parameter, so this query's own text does not match itself.
  const rows = await client`select statement from pg_prepared_statements where position(${"outbox"} in statement) > 0`;
  return rows.map((r) => String(r.statement)).sort();
}

/** A claim and mark cycle over a batch of `n`: the first `sent` sent, one of each other outcome, the rest given back. */
async function cycle(prefix: string, n: number, now: Date, sent: number) {
  await queue(prefix, n, now);
  await reclaimStaleOutbox(db, now, 12);
  const claimed = await claimDueOutbox(db, { now, leaseUntil: later(3_600_000), limit: n });
  expect(claimed.map((m) => m.kind)).toEqual(Array(n).fill("test"));
  const ctx = await loadDeliveryContext(db, claimed.map((m) => m.id));
  expect([...ctx.keys()].sort((a, b) => a - b)).toEqual(claimed.map((m) => m.id));
  // Provider ids with the characters an array literal must escape.
  await markOutboxSent(db, claimed.slice(0, sent).map((m, i) => ({ id: m.id, providerMessageId: `<${prefix}-${i}@x> "q", {b} back\\slash`, at: now })));
  const [c, d, e, ...rest] = claimed.slice(sent);
  await markOutboxCancelled(db, c.id, "the participant withdrew");
  await markOutboxFailed(db, d.id, "cannot build the message");
  await markOutboxRetry(db, e.id, { nextAttemptAt: later(60_000), error: "421 try later", giveUp: false });
  await releaseClaimedOutbox(db, rest.map((m) => m.id), later(1_000));
  return claimed;
}

describe("outbox prepared statements", () => {
  it("declares the drain's statements by name", () => {
    expect(preparedStatementNames()).toEqual(
      expect.arrayContaining([
        "outbox.claim",
        "outbox.reclaim-stale",
        "outbox.delivery-context",
        "outbox.mark-sent",
        "outbox.mark-retry",
        "outbox.mark-failed",
        "outbox.mark-cancelled",
        "outbox.release",
      ]),
    );
  });

  it("records every outcome over repeated cycles of different sizes, with one statement per query on the server", async () => {
    await cycle("c1", 7, T, 2);
    const after1 = t.kind === "postgres" ? await preparedOutboxStatements() : [];
    const s1 = await statuses();
    expect(s1["c1:0"]).toEqual({ status: "sent", pid: `<c1-0@x> "q", {b} back\\slash`, attempts: 1, error: null });
    expect(s1["c1:1"]).toEqual({ status: "sent", pid: `<c1-1@x> "q", {b} back\\slash`, attempts: 1, error: null });
    expect(s1["c1:2"]).toMatchObject({ status: "cancelled", attempts: 0, error: "the participant withdrew" });
    expect(s1["c1:3"]).toMatchObject({ status: "failed", attempts: 1, error: "cannot build the message" });
    expect(s1["c1:4"]).toMatchObject({ status: "pending", attempts: 1, error: "421 try later" });
    expect([5, 6].map((i) => s1[`c1:${i}`].status)).toEqual(["pending", "pending"]);

    // A larger batch, more sent in one group, more given back: the two rows the first cycle gave
    // back (due at T+1 s) come first, then c2:0…c2:8; c2:9 and c2:10 stay queued.
    const claimed = await cycle("c2", 11, later(2_000), 5);
    expect(claimed.length).toBe(11);
    const s2 = await statuses();
    expect(["c1:5", "c1:6", "c2:0", "c2:1", "c2:2"].map((k) => s2[k].status)).toEqual(Array(5).fill("sent"));
    expect(["c2:3", "c2:4", "c2:5"].map((k) => s2[k].status)).toEqual(["cancelled", "failed", "pending"]);
    expect(Object.values(s2).filter((r) => r.status === "sending")).toEqual([]);
    // c1:4 (retry), c2:5 (retry), c2:6…c2:8 (given back), c2:9 and c2:10 (never claimed).
    expect(Object.values(s2).filter((r) => r.status === "pending").length).toBe(7);

    if (t.kind === "postgres") {
      const after2 = await preparedOutboxStatements();
      // Each of the eight statements prepared once on the connection, whatever the list lengths.
      expect(after2.length).toBe(8);
      expect(after2).toEqual(after1);
    }
  });
});
