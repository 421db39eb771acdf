// .ci/summary.mjs, the closing line of CI: a Playwright test that passed only on its retry is
// counted as passed and named; a vitest file that broke outside any test counts as failed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function reportDir(): string {
  const d = mkdtempSync(join(tmpdir(), "panelwave-summary-"));
  dirs.push(d);
  return d;
}

function summary(dir: string) {
  const r = spawnSync(process.execPath, [".ci/summary.mjs", dir], { encoding: "utf8" });
  return { status: r.status, lines: r.stdout.trim().split("\n") };
}

describe(".ci/summary.mjs", () => {
  it("names the Playwright tests that passed only on a retry, from a real Playwright run, and keeps the closing line", () => {
    const dir = reportDir();
    const run = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "--config", "tests/fixtures/ci/flaky/playwright.config.mjs"], {
      encoding: "utf8",
      env: { ...process.env, CI: "", PLAYWRIGHT_JSON_OUTPUT_NAME: join(dir, "e2e-node24.json"), FLAKY_OUTPUT_DIR: join(dir, "out") },
    });
    expect(run.status).toBe(0);
    rmSync(join(dir, "out"), { recursive: true, force: true });
    writeFileSync(join(dir, "unit.json"), JSON.stringify({ numTotalTests: 3, numPassedTests: 3, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] }));

    const { status, lines } = summary(dir);
    expect(status).toBe(0);
    expect(lines).toContain("e2e-node24: 2 passed, 0 failed, 1 skipped (1 of the passed only on a retry)");
    expect(lines).toContain("unit: 3 passed, 0 failed");
    const at = lines.indexOf("flaky (failed, then passed on a retry; counted as passed): 1");
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe("  e2e-node24: retry.pw.mjs › a group › passes only on its retry [plain]");
    expect(lines.filter((l) => l.includes("always passes"))).toEqual([]);
    expect(lines.at(-1)).toBe("5 passed, 0 failed, 1 skipped");
  }, 120_000);

  it("counts a vitest file that failed outside any test as a failure, and exits 1", () => {
    const dir = reportDir();
    writeFileSync(join(dir, "integration.json"), JSON.stringify({
      numTotalTests: 2, numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0,
      testResults: [
        { name: "ok.test.ts", status: "passed", assertionResults: [{ status: "passed" }, { status: "passed" }] },
        { name: "broken.test.ts", status: "failed", message: "Cannot find module", assertionResults: [] },
      ],
    }));
    const { status, lines } = summary(dir);
    expect(status).toBe(1);
    expect(lines.at(-1)).toBe("2 passed, 1 failed");
  });

  it("says nothing about flaky tests when there are none", () => {
    const dir = reportDir();
    writeFileSync(join(dir, "unit.json"), JSON.stringify({ numTotalTests: 1, numPassedTests: 1, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] }));
    const { status, lines } = summary(dir);
    expect(status).toBe(0);
    expect(lines).toEqual(["unit: 1 passed, 0 failed", "1 passed, 0 failed"]);
  });
});
