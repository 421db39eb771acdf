import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { openDb } from "../../db/client";
import { loadConfig, loadDatabaseSettings } from "../../lib/config/load-config";
import { ConfigError } from "../../lib/errors/config-error";
import { DbConfigError } from "../../db/errors";
import { getHealth } from "../../lib/health/get-health";

function prepare(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare.ts"], {
    env: { ...process.env, PERSONAL_DATA_KEY: Buffer.alloc(32, 1).toString("base64"), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr.trim(), stdout: r.stdout };
}

describe("start-up with a bad DATABASE_URL", () => {
  it.each([
    ["not a URL", "nonsense", /DATABASE_URL is not a valid URL/],
    ["a MySQL URL", "mysql://root@127.0.0.1/db", /DATABASE_URL must start with postgres:\/\//],
    ["no database name", "postgres://postgres@127.0.0.1:5432", /DATABASE_URL names no database/],
    ["a port where nothing listens", "postgres://postgres@127.0.0.1:1/panelwave", /DATABASE_URL: no PostgreSQL server answers at 127\.0\.0\.1:1/],
  ])("refuses %s with a message naming the variable", async (_what, url, message) => {
    const err = await openDb(loadDatabaseSettings({ DATABASE_URL: url })).then(() => null, (e) => e);
    expect(err).toBeInstanceOf(DbConfigError);
    expect(err.message).toMatch(message);
  });

  it("asks for PERSONAL_DATA_KEY with a server database", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres" })).toThrow(/PERSONAL_DATA_KEY is required with DATABASE_URL/);
  });

  it("prints one line, not a stack trace, from the start-up script", () => {
    const r = prepare({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/panelwave" });
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^Panelwave cannot start: DATABASE_URL: no PostgreSQL server answers at 127\.0\.0\.1:1/);
  });
});

describe("health", () => {
  it("answers error (503 at the route) when the database is unreachable", async () => {
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/panelwave";
    process.env.PERSONAL_DATA_KEY = Buffer.alloc(32, 1).toString("base64");
    try {
      expect(await getHealth()).toMatchObject({ status: "error", db: "postgres" });
    } finally {
      delete process.env.DATABASE_URL;
      delete process.env.PERSONAL_DATA_KEY;
    }
  });
});
