// Abuse benchmark: hostile uploads and posts against a real running server (the production
// build under `next start`, on a fresh database on the PostgreSQL server at BENCH_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432, dropped afterwards), each next to a normal request
// of the same endpoint: a zip bomb (500 MB of XML packed into ~0.5 MB), a million-row sheet (as a
// tool writes it, and with a zip directory that understates its size), 5,000 sheets, a 300 MB
// respondent post to /s/<token>, and panel CSVs of 199,000 rows (a dry run) and 250,000 rows (over
// the limit). Meanwhile /api/health is polled every 25 ms and the server's resident memory
// (its whole process tree) sampled every 10 ms. The hostile inputs are generated here, nothing is
// committed. Ends with one JSON line: per request `ms`, `status`, `peak_rss_mb`; the slowest
// health answer during it; `health_ms_during` overall. Targets: every refusal under 1 s, peak
// RSS under 300 MB, health under 200 ms. `npm run bench -- abuse`.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { loadavg } from "node:os";
import { migrateDb, openServerDb } from "../../db/client";
import { insertInstrumentVersion, insertInvitations, insertParticipants, insertStudy } from "../../db/queries/seed";
import { insertWave } from "../../db/queries/waves";
import { addStudyMember } from "../../db/queries/users";
import { createApiToken } from "../../lib/api/api-token";
import { createUser } from "../../lib/auth/create-user";
import { hashToken, invitationToken, newParticipantCode } from "../../lib/crypto/tokens";
import { surveyDefinitionSchema } from "../../lib/surveys/definition";
import { SURVEY_HEAD, rowXml, sheetXml, whitespace, xlsx } from "../fixtures/forms/raw-xlsx";
import { ensureBuild, waitForHealth } from "./_next-server";

const PORT = Number(process.env.BENCH_PORT || 3311);
const BASE = `http://127.0.0.1:${PORT}`;
const server = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const log = (m: string) => console.error(`[bench:abuse] ${m}`);
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MB = 1024 * 1024;

/** A process and all its descendants (a scan of /proc). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {}
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Resident memory of these processes together, in bytes. */
function rss(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {}
  }
  return total;
}
const treeRss = (root: number) => rss(processTree(root));

/** Samples memory and health while a request runs; `window()` starts a new measurement. */
class Watch {
  private peak = 0;
  private health = 0;
  private overallHealth = 0;
  private stopped = false;
  constructor(private readonly pid: number) {}
  start() {
    // The process tree is scanned once a second; its members' memory every 10 ms.
    let pids = processTree(this.pid);
    const rescan = setInterval(() => (pids = processTree(this.pid)), 1_000);
    const sample = () => {
      if (this.stopped) return void clearInterval(rescan);
      this.peak = Math.max(this.peak, rss(pids));
      setTimeout(sample, 10);
    };
    sample();
    const poll = async () => {
      while (!this.stopped) {
        const t0 = performance.now();
        try {
          await (await fetch(`${BASE}/api/health`)).arrayBuffer();
        } catch {}
        const ms = performance.now() - t0;
        this.health = Math.max(this.health, ms);
        this.overallHealth = Math.max(this.overallHealth, ms);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    void poll();
  }
  window() {
    this.peak = treeRss(this.pid);
    this.health = 0;
  }
  read() {
    return { peak_rss_mb: Math.round(this.peak / MB), health_ms_max: Math.round(this.health) };
  }
  get healthOverall() {
    return Math.round(this.overallHealth);
  }
  stop() {
    this.stopped = true;
  }
}

type Sent = { status: number; body: string };

/** A POST through node:http, with the body written in pieces (a generator) as fast as the socket takes them. */
function post(path: string, headers: Record<string, string | number>, body: Uint8Array | (() => Generator<Uint8Array>)): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(`${BASE}${path}`, { method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.length < 64 && chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, 400) }));
      res.on("error", reject);
    });
    // A server that refuses early closes the connection while the body is still being written:
    // the answer may come just before or just after that error.
    req.on("error", (e) => setTimeout(() => reject(e), 2_000));
    if (body instanceof Uint8Array) {
      req.end(body);
      return;
    }
    const pieces = body();
    const write = () => {
      for (;;) {
        if (req.destroyed) return;
        const next = pieces.next();
        if (next.done) return void req.end();
        if (!req.write(next.value)) return void req.once("drain", write);
      }
    };
    write();
  });
}

const csvOf = (rows: number, from = 0) => Buffer.from(`email,language,consent_follow_up_surveys\n${Array.from({ length: rows }, (_, i) => `person${from + i}@example.org,en,yes`).join("\n")}\n`);

async function hostileInputs() {
  log("generating the hostile inputs");
  const bomb = await xlsx([{ name: "survey", xml: sheetXml([...SURVEY_HEAD, ...whitespace(500 * MB)]) }]);
  const millionRows = function* () {
    yield rowXml(1, ["type", "name", "label"]);
    for (let i = 2; i <= 1_000_001; i++) yield `<row r="${i}"><c r="A${i}" t="s"><v>0</v></c></row>`;
  };
  const million = await xlsx([{ name: "survey", xml: sheetXml(millionRows()) }], [], { sharedStrings: ["note"] });
  const millionLying = await xlsx([{ name: "survey", xml: sheetXml(millionRows()), declaredSize: 4 * MB }], [], { sharedStrings: ["note"] });
  const sheets = await xlsx(Array.from({ length: 5_000 }, (_, i) => ({ name: `s${i}`, xml: sheetXml([rowXml(1, ["type"])]) })));
  const normal = await xlsx([{ name: "survey", xml: sheetXml(SURVEY_HEAD) }]);
  log(`zip bomb ${Math.round(bomb.byteLength / 1024)} KB, million rows ${(million.byteLength / MB).toFixed(1)} MB, 5,000 sheets ${(sheets.byteLength / MB).toFixed(1)} MB`);
  return { bomb, million, millionLying, sheets, normal, csvNormal: csvOf(100, 900_000), csv199k: csvOf(199_000), csv250k: csvOf(250_000, 300_000) };
}

async function setUp(dbUrl: string, key: Buffer) {
  const h = await openServerDb(dbUrl, { max: 2 });
  try {
    await migrateDb(h);
    const def = surveyDefinitionSchema.parse({
      title: { en: "Abuse" }, languages: ["en"], defaultLanguage: "en",
      pages: [{ id: "p1", questions: [{ name: "note", type: "text", label: { en: "Anything to add?" } }] }, { id: "p2", questions: [{ name: "more", type: "text", label: { en: "More?" } }] }],
    });
    const studyId = await insertStudy(h.db, { slug: "abuse", name: "Abuse", languages: ["en", "uk"], defaultLanguage: "en" });
    const versionId = await insertInstrumentVersion(h.db, { studyId, name: "Abuse", definition: def, sourceFormat: "json" });
    const waveId = (await insertWave(h.db, { studyId, slug: "w", name: "W", position: 1, instrumentVersionId: versionId, mode: "panel", status: "open", opensAt: new Date(Date.now() - 3_600_000), closesAt: new Date(Date.now() + 86_400_000) }, new Date()))!.id;
    const people = [0, 1].map(() => ({ id: randomUUID(), studyId, code: newParticipantCode() }));
    await insertParticipants(h.db, people);
    const invites = people.map((p) => ({ id: randomUUID(), waveId, studyId, participantId: p.id, tokenHash: "", status: "sent" as const }));
    for (const inv of invites) inv.tokenHash = hashToken(invitationToken(key, inv.id));
    await insertInvitations(h.db, invites);
    const userId = await createUser(h.db, { email: "abuse@example.org", password: "bench password 1", name: "Bench", role: "researcher" });
    await addStudyMember(h.db, studyId, userId);
    const { token } = await createApiToken(h.db, { id: userId, email: "abuse@example.org", name: "Bench", role: "researcher" }, { name: "bench" }, new Date());
    return { apiToken: token, links: invites.map((inv) => invitationToken(key, inv.id)) };
  } finally {
    await h.close();
  }
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

async function main() {
  ensureBuild(log);
  const inputs = await hostileInputs();
  const name = `panelwave_bench_abuse_${randomBytes(4).toString("hex")}`;
  const root = await openServerDb(server, { max: 1 });
  await root.sqlClient!.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const key = randomBytes(32);
  let child: ChildProcess | undefined;
  let watch: Watch | undefined;
  try {
    const { apiToken, links } = await setUp(url.toString(), key);
    child = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
      env: { ...process.env, DATABASE_URL: url.toString(), PERSONAL_DATA_KEY: key.toString("base64"), PANELWAVE_WORKER: "0", PUBLIC_URL: BASE },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHealth(child, BASE);
    watch = new Watch(child.pid!);
    watch.start();
    await new Promise((r) => setTimeout(r, 1_000));
    const baseline = Math.round(treeRss(child.pid!) / MB);
    log(`server up, ${baseline} MB resident`);

    const auth = { authorization: `Bearer ${apiToken}` };
    const results: Record<string, Record<string, number | string>> = {};
    const run = async (label: string, send: () => Promise<Sent>) => {
      await new Promise((r) => setTimeout(r, 500));
      watch!.window();
      const t0 = performance.now();
      let sent: Sent;
      try {
        sent = await send();
      } catch (e) {
        sent = { status: -1, body: (e as Error).message };
      }
      const ms = Math.round(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
      results[label] = { ms, status: sent.status, ...watch!.read() };
      log(`${label}: HTTP ${sent.status} in ${ms} ms, peak ${results[label].peak_rss_mb} MB, health ≤ ${results[label].health_ms_max} ms — ${sent.body.replace(/\s+/g, " ").slice(0, 160)}`);
    };
    const upload = (data: Uint8Array, instrument: string) => () =>
      post(`/api/v1/studies/abuse/instruments?name=${instrument}&dryRun=true`, { ...auth, "content-type": XLSX_TYPE, "content-length": data.byteLength }, data);
    const panel = (data: Uint8Array) => () =>
      post("/api/v1/studies/abuse/panel/import?dryRun=true", { ...auth, "content-type": "text/csv", "content-length": data.byteLength }, data);

    await run("xlsform_normal", upload(inputs.normal, "Normal"));
    await run("zip_bomb", upload(inputs.bomb, "Bomb"));
    await run("million_row_sheet", upload(inputs.million, "Million"));
    await run("million_row_sheet_lying_directory", upload(inputs.millionLying, "Lying"));
    await run("five_thousand_sheets", upload(inputs.sheets, "Sheets"));

    await run("panel_csv_normal", panel(inputs.csvNormal));
    await run("panel_csv_250k_over_limit", panel(inputs.csv250k));
    await run("panel_csv_199k_dry_run", panel(inputs.csv199k));

    // Last: until the respondent routes limit what they read, this post may take the server down.
    const page = await (await fetch(`${BASE}/s/${links[0]}?lang=en`)).text();
    const form = (extra: string) => `_page=${hidden(page, "_page")}&_rev=${hidden(page, "_rev")}&_key=${hidden(page, "_key")}&_lang=en&_action=next&note=${extra}`;
    await run("respondent_normal", () => post(`/s/${links[0]}`, { "content-type": "application/x-www-form-urlencoded" }, Buffer.from(form("fine"))));
    const huge = 300 * MB;
    const hostilePage = await (await fetch(`${BASE}/s/${links[1]}?lang=en`)).text();
    const head = Buffer.from(`_page=${hidden(hostilePage, "_page")}&_rev=${hidden(hostilePage, "_rev")}&_key=${hidden(hostilePage, "_key")}&_lang=en&_action=next&note=`);
    await run("respondent_300mb_post", () =>
      post(`/s/${links[1]}`, { "content-type": "application/x-www-form-urlencoded", "content-length": head.byteLength + huge }, function* () {
        yield head;
        const piece = Buffer.alloc(MB, "x");
        for (let sent = 0; sent < huge; sent += MB) yield piece;
      }));

    const refusals = ["zip_bomb", "million_row_sheet", "million_row_sheet_lying_directory", "five_thousand_sheets", "respondent_300mb_post", "panel_csv_250k_over_limit"];
    const hostile = [...refusals, "panel_csv_199k_dry_run"];
    const peak = Math.max(...hostile.map((k) => Number(results[k].peak_rss_mb)));
    const alive = child.exitCode === null;
    const out = {
      bench: "abuse",
      db: "postgres",
      baseline_rss_mb: baseline,
      ...results,
      peak_rss_mb: peak,
      health_ms_during: watch.healthOverall,
      server_alive_at_end: alive,
      targets: { refusal_ms: 1000, peak_rss_mb: 300, health_ms: 200 },
      refusals_under_1s: refusals.every((k) => Number(results[k].ms) < 1000),
      peak_rss_under_300mb: peak < 300,
      health_under_200ms: watch.healthOverall < 200,
      load_avg: Math.round(loadavg()[0] * 10) / 10,
    };
    console.log(JSON.stringify(out));
  } finally {
    watch?.stop();
    child?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await root.sqlClient!.unsafe(`drop database if exists ${name} with (force)`);
    await root.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
