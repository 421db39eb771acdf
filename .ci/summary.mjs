// Adds up the vitest and Playwright JSON reports in a folder into one closing "N passed, N failed"
// line. Each report gets a line of its own first (its file name says which suite and which Node),
// and every Playwright test that passed only on a retry ("flaky") is named: it counts as passed,
// but it is not hidden.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Playwright tests whose status is "flaky", as "file › describe › title". */
function flakyTests(suites, path = []) {
  const out = [];
  for (const suite of suites ?? []) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "flaky") out.push([...here, spec.title].join(" › ") + (test.projectName ? ` [${test.projectName}]` : ""));
      }
    }
    out.push(...flakyTests(suite.suites, here));
  }
  return out;
}

/** One report's counts; vitest's JSON reporter and Playwright's have different shapes. */
function countReport(report) {
  if (report && typeof report.numTotalTests === "number") {
    // A test file that failed outside any test (an import error, a failing hook) is a failure too.
    const brokenFiles = (report.testResults ?? []).filter((f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed")).length;
    return {
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + brokenFiles,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      flaky: [],
    };
  }
  const s = report?.stats ?? {};
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    skipped: s.skipped ?? 0,
    flaky: flakyTests(report?.suites),
  };
}

function summarise(dir) {
  const lines = [];
  const total = { passed: 0, failed: 0, skipped: 0 };
  const flaky = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];
  for (const f of files) {
    const name = f.replace(/\.json$/, "");
    let c;
    try {
      c = countReport(JSON.parse(readFileSync(join(dir, f), "utf8")));
    } catch (err) {
      lines.push(`${name}: unreadable report (${err.message}); counted as 1 failed`);
      total.failed += 1;
      continue;
    }
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    for (const t of c.flaky) flaky.push(`${name}: ${t}`);
    lines.push(`${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}${c.flaky.length ? ` (${c.flaky.length} of the passed only on a retry)` : ""}`);
  }
  if (flaky.length) {
    lines.push(`flaky (failed, then passed on a retry; counted as passed): ${flaky.length}`);
    for (const t of flaky) lines.push(`  ${t}`);
  }
  lines.push(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  return { lines, failed: total.failed };
}

const { lines, failed } = summarise(process.argv[2]);
console.log(lines.join("\n"));
process.exit(failed > 0 ? 1 : 0);
