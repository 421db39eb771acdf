// Respondent benchmark: what a phone downloads for a survey page (gzipped JS), Lighthouse mobile
// scores on a demo survey page (the lockfile's lighthouse, a pinned devDependency), and a load
// test: 200 concurrent respondents each answering a 10-page survey against `next start` on the
// PostgreSQL server, then every answer checked in the database. A submit is timed from the post
// to the end of the page it redirects to (what the respondent waits for); the post and the page
// are also timed apart. In the same run, the same load goes to a floor (tests/bench/_floor-server.ts:
// a bare node:http server running the same prepared statements, a page of the same size), and
// vs_floor = submits_per_s / floor_submits_per_s. Each server is first warmed by 20 respondents,
// untimed. CPU per submit (node, PostgreSQL) is read from /proc over each timed run. Needs the production
// build (built here if missing) and the server at BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432; its own database, dropped after). BENCH_RESPONDENTS and
// BENCH_LIGHTHOUSE_RUNS (default 3) make it shorter. Lighthouse figures are null, with
// lighthouse_error saying why, when no run succeeded.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
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
/** Respondents who answer first, untimed, on each server: a server in use has its code loaded and its pool open. */
const WARM = 20;
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

type Timings = { submits: number[]; posts: number[]; gets: number[]; pageBytes: number; pagesRead: number; slow: number[] };

async function respondent(base: string, token: string, i: number, t: Timings, counts: { errors: number; retries: number }) {
  let res = await fetchRetry(`${base}/s/${token}?lang=en`, undefined, counts);
  let html = await res.text();
  for (let p = 1; p <= PAGES; p++) {
    const body = new URLSearchParams({
      _page: hidden(html, "_page"), _rev: hidden(html, "_rev"), _key: hidden(html, "_key"), _lang: "en", _action: "next",
      [`choice_${p}`]: "abcd"[(i + p) % 4], [`number_${p}`]: String((i * 7 + p) % 1000), [`text_${p}`]: `r${i} p${p} ✓ текст`,
    });
    // One submit: the post and the page it redirects to, read to the end; each half timed too.
    const t0 = performance.now();
    res = await fetchRetry(`${base}/s/${token}`, { method: "POST", body, redirect: "manual" }, counts);
    if (res.status !== 303) {
      counts.errors++;
      log(`respondent ${i} page ${p}: HTTP ${res.status}`);
      return;
    }
    await res.arrayBuffer();
    const t1 = performance.now();
    res = await fetchRetry(new URL(res.headers.get("location")!, base).toString(), undefined, counts);
    html = await res.text();
    if (!res.ok) {
      counts.errors++;
      log(`respondent ${i} page ${p}: the redirected page answered HTTP ${res.status}`);
      return;
    }
    const t2 = performance.now();
    if (t2 - t0 > 5000) t.slow[p - 1]++;
    t.posts.push(t1 - t0);
    t.gets.push(t2 - t1);
    t.submits.push(t2 - t0);
    t.pageBytes += Buffer.byteLength(html);
    t.pagesRead++;
  }
  // The send step after the last page: only "Send my answers" completes the response.
  const send = new URLSearchParams({ _page: hidden(html, "_page"), _rev: hidden(html, "_rev"), _key: hidden(html, "_key"), _lang: "en", _action: "send" });
  res = await fetchRetry(`${base}/s/${token}`, { method: "POST", body: send, redirect: "manual" }, counts);
  await res.arrayBuffer();
  if (res.status !== 303 || !res.headers.get("location")?.endsWith("?done=1")) {
    counts.errors++;
    log(`respondent ${i}: sending answered HTTP ${res.status}`);
  }
}

/** CPU time (ms) used so far by the given processes and all their descendants, from /proc. */
function treeCpuMs(rootPids: number[]): number {
  const stats = procStats();
  const children = new Map<number, number[]>();
  for (const s of stats.values()) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
  let ticks = 0;
  const todo = [...rootPids];
  while (todo.length) {
    const pid = todo.pop()!;
    const st = stats.get(pid);
    if (st) ticks += st.ticks;
    todo.push(...(children.get(pid) ?? []));
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** CPU time (ms) used so far by every PostgreSQL server process on this machine. */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const s of procStats().values()) if (s.comm === "postgres") ticks += s.ticks;
  return ticks * 10;
}

function procStats(): Map<number, { pid: number; ppid: number; comm: string; ticks: number }> {
  const out = new Map<number, { pid: number; ppid: number; comm: string; ticks: number }>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    let raw: string;
    try {
      raw = readFileSync(`/proc/${d}/stat`, "utf8");
    } catch {
      continue;
    }
    const close = raw.lastIndexOf(")");
    const comm = raw.slice(raw.indexOf("(") + 1, close);
    const f = raw.slice(close + 2).split(" ");
    // after "pid (comm) ": state ppid … utime is field 14, stime 15 (1-based, whole line)
    out.set(Number(d), { pid: Number(d), ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) });
  }
  return out;
}

/** Every respondent at once, page after page, against `base`; timings, counts and the CPU used. */
async function loadRun(base: string, tokens: string[], offset: number, serverPid: number) {
  const t: Timings = { submits: [], posts: [], gets: [], pageBytes: 0, pagesRead: 0, slow: Array(PAGES).fill(0) };
  const counts = { errors: 0, retries: 0 };
  const node0 = treeCpuMs([serverPid]);
  const pg0 = postgresCpuMs();
  const t0 = performance.now();
  await Promise.all(
    tokens.map((token, i) =>
      respondent(base, token, offset + i, t, counts).catch((e) => {
        counts.errors++;
        log(`respondent ${offset + i}: ${e instanceof Error ? e.message : String(e)}`);
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const nodeMs = treeCpuMs([serverPid]) - node0;
  const pgMs = postgresCpuMs() - pg0;
  for (const a of [t.submits, t.posts, t.gets]) a.sort((x, y) => x - y);
  const n = Math.max(1, t.submits.length);
  return {
    t, counts, seconds,
    submitsPerS: t.submits.length / seconds,
    nodeMsPerSubmit: Math.round((nodeMs / n) * 100) / 100,
    pgMsPerSubmit: Math.round((pgMs / n) * 100) / 100,
    avgPageBytes: Math.round(t.pageBytes / Math.max(1, t.pagesRead)),
  };
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

/** Resolves once the floor server answers (a 404 for an unknown link is an answer). */
async function waitForFloor(proc: ChildProcess, base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (proc.exitCode !== null) throw new Error("the floor server exited");
    try {
      await fetch(`${base}/s/x`);
      return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the floor server did not start");
}

async function main() {
  ensureBuild(log);
  const bench = await benchDatabase(server);
  const { handle } = bench;
  const url = new URL(bench.url);
  const key = randomBytes(32);
  let child: ChildProcess | undefined;
  let floor: ChildProcess | undefined;
  try {
    await bench.migrate();
    const config = { personalDataKey: key, publicUrl: BASE } as Config;
    await seedDemo(handle.db, config);
    const demoLink = /\/s\/[A-Za-z0-9_-]+/.exec(await demoSummary(handle.db, config))![0];
    const def = surveyDefinitionSchema.parse(tenPageSurvey());
    const studyId = await insertStudy(handle.db, { slug: "load-test", name: "Load test", languages: ["uk", "en"], defaultLanguage: "en" });
    const versionId = await insertInstrumentVersion(handle.db, { studyId, name: "Ten pages", definition: def, sourceFormat: "json" });
    const waveId = (await insertWave(handle.db, { studyId, slug: "w", name: "Load", position: 1, instrumentVersionId: versionId, mode: "panel", status: "open", opensAt: new Date(Date.now() - 3_600_000), closesAt: new Date(Date.now() + 86_400_000) }, new Date()))!.id;
    const people = Array.from({ length: 2 * RESPONDENTS + 2 * WARM }, () => ({ id: randomUUID(), studyId, code: newParticipantCode() }));
    await insertParticipants(handle.db, people);
    const invites = people.map((p) => ({ id: randomUUID(), waveId, studyId, participantId: p.id, tokenHash: "", status: "sent" as const }));
    for (const inv of invites) inv.tokenHash = hashToken(invitationToken(key, inv.id));
    await insertInvitations(handle.db, invites);

    // The production server `npm start` runs (scripts/server.mjs: Next.js, with the respondent
    // pages served outside its request pipeline); BENCH_SERVER=next measures plain `next start`.
    const nextStart = process.env.BENCH_SERVER === "next";
    child = spawn(nextStart ? "node_modules/.bin/next" : process.execPath, nextStart ? ["start", "-p", String(PORT)] : [...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean), "scripts/server.mjs"], {
      env: { ...process.env, PORT: String(PORT), DATABASE_URL: url.toString(), PERSONAL_DATA_KEY: key.toString("base64"), PANELWAVE_WORKER: "0", PUBLIC_URL: BASE },
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
    const lighthouse = runLighthouse(`${BASE}${demoLink}`, `/tmp/panelwave-bench-respondent-lh`);

    // 3. Load: every respondent at once, page after page, against the app (the first half of
    // the invitations), then against the floor (the second half) in the same run.
    const tokens = invites.map((inv) => invitationToken(key, inv.id));
    const warm = tokens.slice(2 * RESPONDENTS);
    await loadRun(BASE, warm.slice(0, WARM), 2 * RESPONDENTS, child.pid!);
    const app = await loadRun(BASE, tokens.slice(0, RESPONDENTS), 0, child.pid!);
    log(`app: submits over 5 s by page: ${app.t.slow.join(" ")}`);
    log(`app: ${Math.round(app.submitsPerS)} submits/s, page ${app.avgPageBytes} bytes, node ${app.nodeMsPerSubmit} ms and PostgreSQL ${app.pgMsPerSubmit} ms of CPU per submit`);
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
    floor = spawn("node_modules/.bin/tsx", ["tests/bench/_floor-server.ts"], {
      env: { ...process.env, DATABASE_URL: url.toString(), FLOOR_PORT: String(PORT + 1), FLOOR_PAGE_BYTES: String(app.avgPageBytes), FLOOR_PAGES: String(PAGES) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const FLOOR = `http://127.0.0.1:${PORT + 1}`;
    await waitForFloor(floor, FLOOR);
    // tsx runs the server in a child of its own: the process tree's CPU is counted.
    await loadRun(FLOOR, warm.slice(WARM), 2 * RESPONDENTS + WARM, floor.pid!);
    const fl = await loadRun(FLOOR, tokens.slice(RESPONDENTS, 2 * RESPONDENTS), RESPONDENTS, floor.pid!);
    log(`floor: ${Math.round(fl.submitsPerS)} submits/s, node ${fl.nodeMsPerSubmit} ms and PostgreSQL ${fl.pgMsPerSubmit} ms of CPU per submit`);

    const rows = await executeRows<{ answers: Record<string, unknown>; status: string; participant_id: string }>(
      handle.db, sql`select answers, status, participant_id from responses where wave_id = ${waveId}`,
    );
    const byParticipant = new Map(rows.map((r) => [r.participant_id, r]));
    const missingIn = (from: number, to: number) => {
      let missing = 0;
      for (let i = from; i < to; i++) {
        const r = byParticipant.get(people[i].id);
        for (let pg = 1; pg <= PAGES; pg++) {
          const want = { [`choice_${pg}`]: "abcd"[(i + pg) % 4], [`number_${pg}`]: (i * 7 + pg) % 1000, [`text_${pg}`]: `r${i} p${pg} ✓ текст` };
          for (const [k, v] of Object.entries(want)) if (!r || r.status !== "completed" || r.answers[k] !== v) missing++;
        }
      }
      return missing;
    };
    const missing = missingIn(0, RESPONDENTS);
    const floorMissing = missingIn(RESPONDENTS, 2 * RESPONDENTS);
    const latencies = app.t.submits;
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
      submits_per_s: Math.round(app.submitsPerS),
      post_p50_ms: Math.round(percentile(app.t.posts, 50)),
      post_p95_ms: Math.round(percentile(app.t.posts, 95)),
      get_p50_ms: Math.round(percentile(app.t.gets, 50)),
      get_p95_ms: Math.round(percentile(app.t.gets, 95)),
      page_bytes: app.avgPageBytes,
      node_ms_per_submit: app.nodeMsPerSubmit,
      pg_ms_per_submit: app.pgMsPerSubmit,
      floor_submits_per_s: Math.round(fl.submitsPerS),
      floor_p95_ms: Math.round(percentile(fl.t.submits, 95)),
      floor_p99_ms: Math.round(percentile(fl.t.submits, 99)),
      floor_node_ms_per_submit: fl.nodeMsPerSubmit,
      floor_pg_ms_per_submit: fl.pgMsPerSubmit,
      vs_floor: Math.round((app.submitsPerS / fl.submitsPerS) * 100) / 100,
      errors: app.counts.errors,
      retries: app.counts.retries,
      answers_missing: missing,
      floor_errors: fl.counts.errors,
      floor_answers_missing: floorMissing,
      server: process.env.BENCH_SERVER === "next" ? "next start" : "scripts/server.mjs",
      compression: (process.env.HTTP_COMPRESSION ?? "").trim() !== "0",
      db: "postgres",
      load_avg: Math.round(loadavg()[0] * 10) / 10,
    };
    console.log(JSON.stringify(out));
  } finally {
    child?.kill("SIGTERM");
    floor?.kill("SIGTERM");
    await bench.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
