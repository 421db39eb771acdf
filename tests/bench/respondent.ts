// Respondent benchmark: what a phone downloads for a survey page (gzipped JS), Lighthouse mobile
// scores on a demo survey page (the lockfile's lighthouse, a pinned devDependency), and a load
// test: 200 concurrent respondents each answering a 10-page survey against `next start` on the
// PostgreSQL server, then every answer checked in the database. A submit is timed from the post
// to the end of the page it redirects to (what the respondent waits for). Needs the production
// build (built here if missing) and the server at BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432; its own database, dropped after). BENCH_RESPONDENTS and
// BENCH_LIGHTHOUSE_RUNS (default 3) make it shorter. Lighthouse figures are null, with
// lighthouse_error saying why, when no run succeeded.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { chromium } from "@playwright/test";
import { executeRows } from "../../db/client";
import { insertInstrumentVersion, insertInvitations, insertParticipants, insertStudy } from "../../db/queries/seed";
import { insertWave } from "../../db/queries/waves";
import type { Config } from "../../lib/config/load-config";
import { hashToken, invitationToken, newParticipantCode } from "../../lib/crypto/tokens";
import { demoSummary, seedDemo } from "../../lib/demo/seed-demo";
import { surveyDefinitionSchema, type SurveyDefinitionInput } from "../../lib/surveys/definition";
import { benchDatabase, ensureBuild, waitForHealth } from "./_next-server";

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS || 200);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const PAGES = 10;
const PORT = Number(process.env.BENCH_PORT || 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const server = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const log = (m: string) => console.error(`[bench:respondent] ${m}`);

function tenPageSurvey(): SurveyDefinitionInput {
  return {
    title: { en: "Load test", uk: "Навантаження" },
    languages: ["uk", "en"],
    defaultLanguage: "en",
    pages: Array.from({ length: PAGES }, (_, p) => ({
      id: `p${p + 1}`,
      questions: [
        { name: `choice_${p + 1}`, type: "single" as const, required: true, label: { en: `Choice ${p + 1}`, uk: `Вибір ${p + 1}` },
          options: ["a", "b", "c", "d"].map((c) => ({ code: c, label: { en: c.toUpperCase(), uk: c.toUpperCase() } })) },
        { name: `number_${p + 1}`, type: "integer" as const, min: 0, max: 1000, label: { en: `Number ${p + 1}`, uk: `Число ${p + 1}` } },
        { name: `text_${p + 1}`, type: "text" as const, label: { en: `Text ${p + 1}`, uk: `Текст ${p + 1}` } },
      ],
    })),
  };
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

/**
 * fetch, retried once when the connection drops before an answer (a keep-alive socket the server
 * closed as it was reused). Retrying a POST is safe: the form's submit key makes it idempotent,
 * which is what a phone on a bad connection relies on too. Retries are counted and reported.
 */
async function fetchRetry(url: string, init: RequestInit | undefined, counts: { errors: number; retries: number }): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    counts.retries++;
    return fetch(url, init);
  }
}

async function respondent(token: string, i: number, latencies: number[], counts: { errors: number; retries: number }) {
  let res = await fetchRetry(`${BASE}/s/${token}?lang=en`, undefined, counts);
  let html = await res.text();
  for (let p = 1; p <= PAGES; p++) {
    const body = new URLSearchParams({
      _page: hidden(html, "_page"), _rev: hidden(html, "_rev"), _key: hidden(html, "_key"), _lang: "en", _action: "next",
      [`choice_${p}`]: "abcd"[(i + p) % 4], [`number_${p}`]: String((i * 7 + p) % 1000), [`text_${p}`]: `r${i} p${p} ✓ текст`,
    });
    // One submit: the post and the page it redirects to, read to the end.
    const t0 = performance.now();
    res = await fetchRetry(`${BASE}/s/${token}`, { method: "POST", body, redirect: "manual" }, counts);
    if (res.status !== 303) {
      counts.errors++;
      log(`respondent ${i} page ${p}: HTTP ${res.status}`);
      return;
    }
    await res.arrayBuffer();
    res = await fetchRetry(new URL(res.headers.get("location")!, BASE).toString(), undefined, counts);
    html = await res.text();
    if (!res.ok) {
      counts.errors++;
      log(`respondent ${i} page ${p}: the redirected page answered HTTP ${res.status}`);
      return;
    }
    latencies.push(performance.now() - t0);
  }
  // The send step after the last page: only "Send my answers" completes the response.
  const send = new URLSearchParams({ _page: hidden(html, "_page"), _rev: hidden(html, "_rev"), _key: hidden(html, "_key"), _lang: "en", _action: "send" });
  res = await fetchRetry(`${BASE}/s/${token}`, { method: "POST", body: send, redirect: "manual" }, counts);
  await res.arrayBuffer();
  if (res.status !== 303 || !res.headers.get("location")?.endsWith("?done=1")) {
    counts.errors++;
    log(`respondent ${i}: sending answered HTTP ${res.status}`);
  }
}

type LighthouseFigures = { perf: number | null; a11y: number | null; lcp: number | null; tbt: number | null; runs: number; error: string | null };

/**
 * Lighthouse (node_modules/.bin/lighthouse, the lockfile's version) in Chromium, mobile, up to
 * LIGHTHOUSE_RUNS times: the median of the runs that succeeded; figures null and `error` set
 * (the last failure's message) when none did.
 */
function runLighthouse(url: string, outPrefix: string): LighthouseFigures {
  const runs: { perf: number; a11y: number; lcp: number; tbt: number }[] = [];
  let error: string | null = LIGHTHOUSE_RUNS > 0 ? null : "no run requested (BENCH_LIGHTHOUSE_RUNS=0)";
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
    const lhOut = `${outPrefix}-${run}.json`;
    const lh = spawnSync("node_modules/.bin/lighthouse", [url, "--form-factor=mobile", "--only-categories=performance,accessibility",
      "--output=json", `--output-path=${lhOut}`, "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage"],
      { env: { ...process.env, CHROME_PATH: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : process.env.CHROME_PATH }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    if (lh.stderr) process.stderr.write(lh.stderr);
    try {
      if (lh.error) throw lh.error;
      if (lh.status !== 0) throw new Error(lh.stderr?.trim().split("\n").at(-1) || `exited ${lh.status ?? lh.signal}`);
      const r = JSON.parse(readFileSync(lhOut, "utf8"));
      if (r.runtimeError) throw new Error(`${r.runtimeError.code}: ${r.runtimeError.message}`);
      const perf = r.categories.performance.score;
      const a11y = r.categories.accessibility.score;
      if (typeof perf !== "number" || typeof a11y !== "number") throw new Error("the report has no performance or accessibility score");
      runs.push({
        perf: Math.round(perf * 100), a11y: Math.round(a11y * 100),
        lcp: Math.round(r.audits["largest-contentful-paint"].numericValue), tbt: Math.round(r.audits["total-blocking-time"].numericValue),
      });
    } catch (e) {
      error = `run ${run + 1}: ${e instanceof Error ? e.message : String(e)}`;
      log(`lighthouse ${error}`);
    } finally {
      rmSync(lhOut, { force: true });
    }
  }
  log(`lighthouse runs: ${JSON.stringify(runs)}`);
  const median = (k: keyof (typeof runs)[number]) => (runs.length ? runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)] : null);
  return { perf: median("perf"), a11y: median("a11y"), lcp: median("lcp"), tbt: median("tbt"), runs: runs.length, error: runs.length ? null : error };
}

async function main() {
  ensureBuild(log);
  const bench = await benchDatabase(server);
  const { handle } = bench;
  const url = new URL(bench.url);
  const key = randomBytes(32);
  let child: ChildProcess | undefined;
  try {
    await bench.migrate();
    const config = { personalDataKey: key, publicUrl: BASE } as Config;
    await seedDemo(handle.db, config);
    const demoLink = /\/s\/[A-Za-z0-9_-]+/.exec(await demoSummary(handle.db, config))![0];
    const def = surveyDefinitionSchema.parse(tenPageSurvey());
    const studyId = await insertStudy(handle.db, { slug: "load-test", name: "Load test", languages: ["uk", "en"], defaultLanguage: "en" });
    const versionId = await insertInstrumentVersion(handle.db, { studyId, name: "Ten pages", definition: def, sourceFormat: "json" });
    const waveId = (await insertWave(handle.db, { studyId, slug: "w", name: "Load", position: 1, instrumentVersionId: versionId, mode: "panel", status: "open", opensAt: new Date(Date.now() - 3_600_000), closesAt: new Date(Date.now() + 86_400_000) }, new Date()))!.id;
    const people = Array.from({ length: RESPONDENTS }, () => ({ id: randomUUID(), studyId, code: newParticipantCode() }));
    await insertParticipants(handle.db, people);
    const invites = people.map((p) => ({ id: randomUUID(), waveId, studyId, participantId: p.id, tokenHash: "", status: "sent" as const }));
    for (const inv of invites) inv.tokenHash = hashToken(invitationToken(key, inv.id));
    await insertInvitations(handle.db, invites);

    child = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
      env: { ...process.env, DATABASE_URL: url.toString(), PERSONAL_DATA_KEY: key.toString("base64"), PANELWAVE_WORKER: "0", PUBLIC_URL: BASE },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHealth(child, BASE);

    // 1. JavaScript a phone downloads for a survey page (encoded, i.e. gzipped, bytes).
    const browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined, args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage();
    let jsBytes = 0;
    page.on("requestfinished", async (req) => {
      if (req.resourceType() === "script") jsBytes += (await req.sizes()).responseBodySize;
    });
    await page.goto(`${BASE}${demoLink}`, { waitUntil: "networkidle" });
    await browser.close();
    const js_gzip_kb = Math.round((jsBytes / 1024) * 10) / 10;
    log(`survey page JavaScript: ${js_gzip_kb} KB gzipped`);

    // 2. Lighthouse, mobile: the median of three runs (a shared 2-core machine is noisy).
    const lighthouse = runLighthouse(`${BASE}${demoLink}`, `/tmp/${name}-lh`);

    // 3. Load: every respondent at once, page after page.
    const latencies: number[] = [];
    const counts = { errors: 0, retries: 0 };
    const t0 = performance.now();
    await Promise.all(
      invites.map((inv, i) =>
        respondent(invitationToken(key, inv.id), i, latencies, counts).catch((e) => {
          counts.errors++;
          log(`respondent ${i}: ${e instanceof Error ? e.message : String(e)}`);
        }),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);

    const rows = await executeRows<{ answers: Record<string, unknown>; status: string; participant_id: string }>(
      handle.db, sql`select answers, status, participant_id from responses where wave_id = ${waveId}`,
    );
    const byParticipant = new Map(rows.map((r) => [r.participant_id, r]));
    let missing = 0;
    people.forEach((p, i) => {
      const r = byParticipant.get(p.id);
      for (let pg = 1; pg <= PAGES; pg++) {
        const want = { [`choice_${pg}`]: "abcd"[(i + pg) % 4], [`number_${pg}`]: (i * 7 + pg) % 1000, [`text_${pg}`]: `r${i} p${pg} ✓ текст` };
        for (const [k, v] of Object.entries(want)) if (!r || r.status !== "completed" || r.answers[k] !== v) missing++;
      }
    });
    const out = {
      js_gzip_kb,
      lighthouse_perf: lighthouse.perf,
      lighthouse_a11y: lighthouse.a11y,
      lcp_ms: lighthouse.lcp,
      tbt_ms: lighthouse.tbt,
      lighthouse_runs: lighthouse.runs,
      lighthouse_error: lighthouse.error,
      respondents: RESPONDENTS,
      pages: PAGES,
      submit_p50_ms: Math.round(percentile(latencies, 50)),
      submit_p95_ms: Math.round(percentile(latencies, 95)),
      submit_p99_ms: Math.round(percentile(latencies, 99)),
      submits_per_s: Math.round(latencies.length / seconds),
      errors: counts.errors,
      retries: counts.retries,
      answers_missing: missing,
      db: "postgres",
      load_avg: Math.round(loadavg()[0] * 10) / 10,
    };
    console.log(JSON.stringify(out));
  } finally {
    child?.kill("SIGTERM");
    await bench.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
