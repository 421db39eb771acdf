// A failed query never carries the values it was given: not in the error's message, not in its
// properties, not in its cause (what console.error, Next's error log or pg-boss would print).
// The SQL text, the SQLSTATE and the constraint's name remain for the one who debugs it.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { meta } from "../../../db/schema";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const SECRET = "Мій-секрет-у-відповіді-42";

async function failure(run: () => Promise<unknown>): Promise<Error & { code?: string; cause?: { code?: string } }> {
  try {
    await run();
  } catch (e) {
    return e as Error & { code?: string; cause?: { code?: string } };
  }
  throw new Error("the query did not fail");
}

function expectNoSecret(err: unknown) {
  const printed = [String(err), inspect(err, { depth: 10, showHidden: true }), JSON.stringify(err)].join("\n");
  expect(printed).not.toContain(SECRET);
  expect(printed).not.toContain("params:");
}

describe("a failed query's error", () => {
  it("holds the SQL and the SQLSTATE of a data error, with the offending value blanked", async () => {
    const err = await failure(() => executeRows(t.db, sql`select ${SECRET}::uuid`));
    expectNoSecret(err);
    expect(err.message).toContain("22P02");
    expect(err.message).toContain("select $1::uuid");
    expect(err.cause?.code).toBe("22P02");
  });

  it("holds no part of a row that jsonb refused", async () => {
    const err = await failure(() => t.db.insert(meta).values({ key: "nul", value: { answer: `${SECRET}\u0000` } }));
    expectNoSecret(err);
  });

  it("names the constraint of a unique violation and keeps its code for callers (23505), without the key's value", async () => {
    await t.db.insert(meta).values({ key: SECRET, value: {} });
    const err = await failure(() => t.db.insert(meta).values({ key: SECRET, value: { again: SECRET } }));
    expectNoSecret(err);
    expect(err.message).toContain("meta_pkey");
    expect(err.cause?.code).toBe("23505");
  });

  it("holds no values when a transaction fails either", async () => {
    const err = await failure(() =>
      t.db.transaction(async (tx) => {
        await tx.insert(meta).values({ key: `${SECRET}-tx`, value: {} });
        await executeRows(tx as never, sql`select ${SECRET}::int`);
      }),
    );
    expectNoSecret(err);
  });
});
