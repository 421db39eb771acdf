// npm run bench -- embedded-fsync: what durable commits cost on the embedded database (PGlite in a
// folder on this disk). For fsync off (PGlite's defaults) and on (db/durable-nodefs.ts, what
// Panelwave runs): single-row commits per second, and respondent page saves per second (load
// the link, validate, save: submitPersonalLink in-process, 3-page survey). One JSON line.
import { mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import { drizzle } from "drizzle-orm/pglite";
import { applyMigrations, type Db, type DbHandle } from "../../db/client";
import { DurableNodeFS, durableStartParams, embeddedFsyncCount } from "../../db/durable-nodefs";
import * as schema from "../../db/schema";
import type { Config } from "../../lib/config/load-config";
import { showPersonalLink, submitPersonalLink } from "../../lib/respondent/personal-link";
import type { Outcome } from "../../lib/respondent/outcome";
import { smallSurvey } from "../fixtures/small-survey";
import { makeInvitation, makeStudyWave } from "../integration/helpers/factories";
import { testKey } from "../integration/helpers/test-db";

const COMMITS = Number(process.env.BENCH_COMMITS || 2000);
const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS || 150);
const ROOT = resolve(".bench/embedded-fsync");
const log = (m: string) => console.error(`[bench:embedded-fsync] ${m}`);

async function open(mode: "off" | "on"): Promise<DbHandle> {
  const dir = join(ROOT, mode);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pg =
    mode === "on"
      ? new PGlite({ fs: new DurableNodeFS(dir), startParams: durableStartParams(PGlite.defaultStartParams) })
      : new PGlite({ fs: new NodeFS(dir) });
  await pg.waitReady;
  const handle: DbHandle = { db: drizzle(pg, { schema }) as unknown as Db, kind: "pglite", pglite: pg, close: () => pg.close() };
  await applyMigrations(handle);
  return handle;
}

async function commitsPerSecond(h: DbHandle): Promise<number> {
  await h.pglite!.exec("create table bench_commit (id serial primary key, v text)");
  const t0 = performance.now();
  for (let i = 0; i < COMMITS; i++) await h.pglite!.query("insert into bench_commit (v) values ($1)", ["x".repeat(200)]);
  return COMMITS / ((performance.now() - t0) / 1000);
}

function fieldsOf(o: Outcome): [string, string][] {
  if (o.kind !== "html") throw new Error("expected a page");
  const get = (n: string) => new RegExp(`name="${n}" value="([^"]*)"`).exec(o.html)?.[1] ?? "";
  return [["_page", get("_page")], ["_rev", get("_rev")], ["_key", get("_key")], ["_lang", get("_lang")], ["_action", "next"]];
}

async function pageSavesPerSecond(h: DbHandle): Promise<{ perSecond: number; p50: number; p95: number }> {
  const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;
  const { studyId, waveId } = await makeStudyWave(h.db, smallSurvey);
  const tokens: string[] = [];
  for (let i = 0; i < RESPONDENTS; i++) tokens.push((await makeInvitation(h.db, studyId, waveId)).token);
  const answers: [string, string][][] = [[["where_now", "returned"], ["age", "34"]], [["region", "Kharkiv"]], [["consent_followup", "no"]]];
  const times: number[] = [];
  const req = () => ({ now: new Date(), acceptLanguage: "uk", requestedLanguage: null });
  const t0 = performance.now();
  for (const token of tokens) {
    for (const page of answers) {
      const t = performance.now();
      const shown = await showPersonalLink(h.db, config, token, req());
      const saved = await submitPersonalLink(h.db, config, token, [...fieldsOf(shown), ...page], req());
      if (saved.kind !== "redirect") throw new Error("a page was not saved");
      times.push(performance.now() - t);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: times.length / seconds, p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
}

const result: Record<string, unknown> = { commits: COMMITS, respondents: RESPONDENTS, pages: RESPONDENTS * 3 };
for (const mode of ["off", "on"] as const) {
  log(`fsync ${mode}: opening a new database in ${join(ROOT, mode)}`);
  const h = await open(mode);
  const fsyncs = embeddedFsyncCount();
  const commits = await commitsPerSecond(h);
  const pages = await pageSavesPerSecond(h);
  result[`fsync_${mode}`] = {
    commits_per_second: Math.round(commits),
    page_saves_per_second: Math.round(pages.perSecond),
    page_ms_p50: Number(pages.p50.toFixed(1)),
    page_ms_p95: Number(pages.p95.toFixed(1)),
    fsync_calls: embeddedFsyncCount() - fsyncs,
  };
  await h.close();
  rmSync(join(ROOT, mode), { recursive: true, force: true });
}
result.load_average = loadavg()[0].toFixed(2);
console.log(JSON.stringify(result));
