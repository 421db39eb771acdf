import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Browser tests run against the production build (`next build` + `next start`) on a fresh
// embedded database, in Debian's Chromium when present, with phone profiles.
const PORT = Number(process.env.E2E_PORT || 3100);
const chromium = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const launchOptions = {
  executablePath: chromium,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: { baseURL: `http://localhost:${PORT}`, trace: "retain-on-failure" },
  projects: [
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: {
    command: `node tests/e2e/serve.mjs`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(PORT), E2E_PORT: String(PORT) },
  },
});
