import { defineConfig } from "vitest/config";

// Unit and integration tests. Integration tests use embedded PGlite unless
// TEST_DATABASE_URL points at a PostgreSQL server (see tests/integration/helpers).
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
