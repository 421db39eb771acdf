// Starts Panelwave for the browser tests: a fresh embedded data folder, the demo seeded, the
// production build (built if needed by scripts/start.mjs), on E2E_PORT.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dataDir = mkdtempSync(join(tmpdir(), "panelwave-e2e-"));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: process.env.E2E_PORT || "3100",
  ADMIN_EMAIL: "admin@e2e.test",
  ADMIN_PASSWORD: "e2e admin password",
  PANELWAVE_WORKER: process.env.PANELWAVE_WORKER ?? "1",
  PANELWAVE_DEMO_LINKS: "24",
};
delete env.DATABASE_URL;
// The tests read the personal links that `npm start` prints, as a person trying the demo would.
mkdirSync(".e2e", { recursive: true });
let printed = "";
const child = spawn(process.execPath, ["scripts/start.mjs"], { stdio: ["ignore", "pipe", "inherit"], env });
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  printed += chunk;
  writeFileSync(".e2e/start-output.txt", printed);
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
