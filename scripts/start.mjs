// npm start: build if needed, migrate and seed the demo (scripts/prepare.ts), then serve the
// production build (scripts/server.mjs: `next start` plus the socket address for rate limits).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const bin = (name) => join(root, "node_modules", ".bin", name);
const t0 = Date.now();

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const id = join(root, ".next", "BUILD_ID");
  if (!existsSync(id) || !existsSync(join(root, ".enhance", "enhance.js"))) return true;
  const built = statSync(id).mtimeMs;
  const sources = ["app", "lib", "db", "emails", "public"].map((d) => newestMtime(join(root, d)));
  const configs = ["next.config.ts", "package-lock.json"].filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs);
  return Math.max(...sources, ...configs) > built;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (needsBuild()) {
  console.log("Panelwave: building the app (first start, or the sources changed)…");
  run(process.execPath, ["scripts/build-enhance.mjs"]);
  run(bin("next"), ["build"]);
}
run(bin("tsx"), ["scripts/prepare.ts"]);
const port = process.env.PORT || "3000";
console.log(`Panelwave: ready steps took ${((Date.now() - t0) / 1000).toFixed(1)} s; starting the server on port ${port}`);
const server = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env: { ...process.env, PORT: port, NODE_ENV: "production" } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
