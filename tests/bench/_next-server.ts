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
