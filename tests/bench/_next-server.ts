// Shared by the benchmarks that run the production app under `next start`: build it when it is
// missing, and wait until it answers /api/health.
import { type ChildProcess, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Builds the production app (enhancement script, then `next build`) unless a build is there. */
export function ensureBuild(log: (m: string) => void): void {
  if (existsSync(".next/BUILD_ID") && existsSync(".enhance/enhance.js")) return;
  log("building the production app");
  for (const [cmd, args] of [[process.execPath, ["scripts/build-enhance.mjs"]], ["node_modules/.bin/next", ["build"]]] as const) {
    if (spawnSync(cmd, [...args], { stdio: "inherit" }).status !== 0) throw new Error("build failed");
  }
}

/** Resolves once `base`/api/health answers 200; throws if the server exits or takes over a minute. */
export async function waitForHealth(child: ChildProcess, base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy");
}

/**
 * A fresh, migrated database of its own on the PostgreSQL server at `server`, for one bench run:
 * its URL, a handle (5 connections) and `drop()` that closes the handle and drops the database.
 */
export async function benchDatabase(server: string) {
  const { openServerDb, migrateDb } = await import("../../db/client");
  const { randomBytes } = await import("node:crypto");
  const name = `panelwave_bench_${randomBytes(5).toString("hex")}`;
  const admin = await openServerDb(server, { max: 1 });
  await admin.sqlClient!.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openServerDb(url.toString(), { max: 5 });
  return {
    url: url.toString(),
    handle,
    migrate: () => migrateDb(handle),
    drop: async () => {
      await handle.close();
      await admin.sqlClient!.unsafe(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
