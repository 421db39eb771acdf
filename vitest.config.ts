import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * postgres.js 3.4.9 throws from a timer when a transaction's connection dies under it (its
 * ROLLBACK is written to a socket already gone: porsager/postgres#1154, #1208; the fix is not
 * released). Nothing can catch it; `next start` logs uncaught exceptions and goes on, and
 * db/server-pool.ts replaces the pool the bug leaves broken. The fault tests that cut PostgreSQL
 * on purpose (tests/integration/faults/outage.test.ts) meet it: it must not fail the run. Any
 * other unhandled error still does.
 */
function isPostgresJsClosedSocketWrite(error: { name?: string; message?: string; stack?: string }): boolean {
  return error.name === "TypeError" && /reading .write./.test(error.message ?? "") && /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? "");
}

// Unit and integration tests. Integration tests use embedded PGlite unless
// TEST_DATABASE_URL points at a PostgreSQL server (see tests/integration/helpers).
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one fewer than the cores: one file at a time on CI's two cores, while
    // much of each integration file waits (PGlite starting, the PostgreSQL server answering).
    // Each file has its own database, so two run side by side safely; the suites took 470 s and
    // 310 s one at a time (docs/decisions.md).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    onUnhandledError: (error) => (isPostgresJsClosedSocketWrite(error) ? false : undefined),
  },
});
