// Export benchmark: 100,000 participants × 2 waves × 150 variables generated inside the
// PostgreSQL server (its own database at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432,
// dropped afterwards). Side by side: the wide CSV export (wall time, peak RSS of a fresh process),
// PostgreSQL's own COPY (SELECT …) TO STDOUT of the same rows (the floor), the XLSX export, and a
// frequency table over all 100,000 wave-2 responses next to the report's own SQL run alone (the
// floor: db/queries/reports.ts frequencyCounts, no access check, plan or table building). The
// rows reported are the CSV records each side actually wrote, and both frequency paths must give
// the same counts, or the benchmark fails. Ends with one JSON line.
// `npx tsx tests/bench/run.ts export` (BENCH_ROWS to change the panel size; BENCH_SKIP_COPY=1 to
// leave COPY out, its figures then null).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { executeRows, migrateDb, openServerDb, type DbHandle } from "../../db/client";
import { frequencyCounts } from "../../db/queries/reports";
import { insertInstrumentVersion, insertStudy } from "../../db/queries/seed";
import { insertWave } from "../../db/queries/waves";
import type { StaffUser } from "../../lib/auth/current-user";
import { exportColumns, wavePrefix } from "../../lib/exports/export-columns";
import { exportResponses } from "../../lib/exports/export-responses";
import { getFrequencyTable } from "../../lib/reports/get-frequency-table";
import { surveyDefinitionSchema, type SurveyDefinition } from "../../lib/surveys/definition";
import { csvRecordCounter } from "./_csv-records";
import { benchDefinitions, participantsInsertSql, responsesInsertSql } from "./_export-panel";

const N = Number(process.env.BENCH_ROWS || 100_000);
const SLUG = "bench-export";
const log = (m: string) => console.error(`[bench:export] ${m}`);
const admin: StaffUser = { id: "bench-admin", email: "bench@example.org", name: "Bench", role: "admin" };
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

/** Re-runs one export against a kept bench database (BENCH_KEEP), for tuning. */
async function childOnly(url: string, format: "csv" | "xlsx") {
  console.log(JSON.stringify(await runChild(url, format)));
}

/** Child mode: one export in a fresh process, so its peak RSS is its own. */
async function child(url: string, format: "csv" | "xlsx") {
  const h = await openServerDb(url, { max: 2 });
  const baseline = Math.round(process.memoryUsage().rss / 1048576);
  const t0 = process.hrtime.bigint();
  const dl = await exportResponses(h.db, randomBytes(32), admin, SLUG, { shape: "wide", format }, new Date());
  let bytes = 0;
  // CSV: count the records written (header included), not the pre-count the download announces.
  const counter = format === "csv" ? csvRecordCounter() : null;
  for await (const chunk of dl.body) {
    bytes += chunk.length;
    counter?.push(chunk);
  }
  const s = seconds(t0);
  await h.close();
  const rows = counter ? counter.records() - 1 : null;
  process.stdout.write(JSON.stringify({ seconds: s, bytes, rows, announced_rows: dl.rows, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), baseline_rss_mb: baseline }) + "\n");
}

type ChildResult = { seconds: number; bytes: number; rows: number | null; announced_rows: number; peak_rss_mb: number; baseline_rss_mb: number };

function runChild(url: string, format: "csv" | "xlsx"): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", format, url], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`${format} child exited ${code}`))));
  });
}

/**
 * The wide export's rows as one SELECT, column for column, for COPY … TO STDOUT. Each response's
 * JSONB is taken out of its row once (a subquery kept apart by offset 0); extracting hundreds of
 * keys straight from the row would decompress the document once per key.
 */
function copySelect(studyId: string, waves: { id: string; slug: string; def: SurveyDefinition }[]): string {
  const inner = ["p.id", "p.code"];
  const cols = ["x.code"];
  const joins: string[] = [];
  waves.forEach((w, i) => {
    const r = `r${i}`;
    const a = `x.a${i}`;
    joins.push(`left join responses ${r} on ${r}.participant_id = p.id and ${r}.wave_id = '${w.id}' and ${r}.status = 'completed'`);
    inner.push(`${r}.id as id${i}`, `${r}.status as s${i}`, `${r}.trajectory as t${i}`, `${r}.language as l${i}`, `${r}.completed_at as c${i}`, `(${r}.answers || '{}'::jsonb) as a${i}`);
    cols.push(`x.s${i}`, `x.t${i}`, `x.l${i}`, `x.c${i}`);
    for (const c of exportColumns(w.def)) {
      const as = `"${wavePrefix(w.slug)}_${c.name}"`;
      if (c.type === "option") {
        const code = c.name.slice(c.variable.length + 1);
        cols.push(`case when ${a} -> '${c.variable}' is null then null when ${a} -> '${c.variable}' ? '${code}' then 1 else 0 end as ${as}`);
      } else cols.push(`${a} ->> '${c.variable}' as ${as}`);
    }
  });
  return `select ${cols.join(", ")} from (
            select ${inner.join(", ")} from participants p ${joins.join(" ")}
            where p.study_id = '${studyId}' and (${waves.map((_, i) => `r${i}.id is not null`).join(" or ")})
            order by p.id offset 0) x`;
}

/** COPY … TO STDOUT of the select; its data rows are counted as they arrive (header excluded). */
async function timeCopy(h: DbHandle, select: string): Promise<{ seconds: number; bytes: number; rows: number }> {
  const t0 = process.hrtime.bigint();
  const stream = await h.sqlClient!.unsafe(`copy (${select}) to stdout with (format csv, header true)`).readable();
  let bytes = 0;
  const counter = csvRecordCounter();
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    counter.push(chunk as Buffer);
  }
  return { seconds: seconds(t0), bytes, rows: counter.records() - 1 };
}

/** Same keys, same counts, else the two frequency paths did not count the same thing. */
function assertSameCounts(what: string, a: Map<string, number>, b: Map<string, number>) {
  const keys = new Set([...a.keys(), ...b.keys()]);
  const diff = [...keys].filter((k) => (a.get(k) ?? 0) !== (b.get(k) ?? 0));
  if (diff.length) throw new Error(`${what}: counts differ for ${diff.map((k) => `${k} (${a.get(k) ?? 0} vs ${b.get(k) ?? 0})`).join(", ")}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `panelwave_bench_export_${randomBytes(4).toString("hex")}`;
  const admin0 = await openServerDb(server, { max: 1 });
  await admin0.sqlClient!.unsafe(`create database ${name}`);
  await admin0.close();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const h = await openServerDb(url.toString(), { max: 4 });
  try {
    await migrateDb(h);
    const defs = benchDefinitions();
    const wave1 = surveyDefinitionSchema.parse(defs.wave1);
    const wave2 = surveyDefinitionSchema.parse(defs.wave2);
    const studyId = await insertStudy(h.db, {
      slug: SLUG, name: "Export benchmark", languages: ["en", "uk"], defaultLanguage: "en",
      statusVariable: "where_now", statusMapping: { stayed: "stayed", returned: "returned", moved_on: "moved_on" },
    });
    const waves = [];
    for (const [i, def] of [wave1, wave2].entries()) {
      const v = await insertInstrumentVersion(h.db, { studyId, name: `Wave ${i + 1}`, definition: def, sourceFormat: "json" });
      const id = (await insertWave(h.db, { studyId, slug: `wave-${i + 1}`, name: `Wave ${i + 1}`, position: i + 1, instrumentVersionId: v, mode: "panel", status: "closed" }, new Date()))!.id;
      waves.push({ id, slug: `wave-${i + 1}`, def });
    }
    let t0 = process.hrtime.bigint();
    await h.sqlClient!.unsafe(participantsInsertSql(studyId, N));
    // Four slices per wave in parallel: the generation is CPU-bound inside PostgreSQL.
    const slices = 4;
    const per = Math.ceil(N / slices);
    for (const [i, w] of waves.entries()) {
      await Promise.all(
        Array.from({ length: slices }, (_, k) =>
          h.sqlClient!.unsafe(responsesInsertSql({ def: w.def as never, studyId, waveId: w.id, from: k * per + 1, to: Math.min(N, (k + 1) * per), wave2: i === 1 })),
        ),
      );
    }
    await h.sqlClient!.unsafe("vacuum analyze participants");
    await h.sqlClient!.unsafe("vacuum analyze responses");
    const [{ n: responses, mb }] = await executeRows<{ n: unknown; mb: unknown }>(h.db, sql`select count(*) as n, pg_total_relation_size('responses') / 1048576 as mb from responses`);
    log(`loaded ${N} participants, ${responses} responses (${mb} MB) in ${seconds(t0).toFixed(1)} s`);

    const select = copySelect(studyId, waves);
    await timeCopy(h, `${select} limit 1000`); // warm the plan and cache a little
    const copy = process.env.BENCH_SKIP_COPY ? null : await timeCopy(h, select);
    log(copy ? `COPY: ${copy.seconds.toFixed(2)} s, ${(copy.bytes / 1048576).toFixed(0)} MB, ${copy.rows} rows` : "COPY: skipped (BENCH_SKIP_COPY)");
    const csv = await runChild(url.toString(), "csv");
    log(`CSV export: ${csv.seconds.toFixed(2)} s, ${(csv.bytes / 1048576).toFixed(0)} MB, ${csv.rows} rows written (${csv.announced_rows} announced), peak RSS ${csv.peak_rss_mb} MB`);
    if (csv.rows !== csv.announced_rows) throw new Error(`the CSV export wrote ${csv.rows} rows but announced (and audited) ${csv.announced_rows}`);
    if (copy && copy.rows !== csv.rows) throw new Error(`COPY wrote ${copy.rows} rows, the CSV export ${csv.rows}: they do not export the same rows`);
    const xlsx = await runChild(url.toString(), "xlsx");
    log(`XLSX export: ${xlsx.seconds.toFixed(2)} s, ${(xlsx.bytes / 1048576).toFixed(0)} MB, peak RSS ${xlsx.peak_rss_mb} MB`);

    // The floor is the report's own query (frequencyCounts) alone; the report adds the access
    // check, the waves' definitions, the branch analysis and the table around it.
    const filter = { studyId, waveId: waves[1].id, variable: "m01", multiple: true, trajectories: null };
    let floorCounts: Awaited<ReturnType<typeof frequencyCounts>> | null = null;
    const bare = async () => {
      const t = process.hrtime.bigint();
      floorCounts = await frequencyCounts(h.db, filter);
      return seconds(t) * 1000;
    };
    let table: Awaited<ReturnType<typeof getFrequencyTable>>["table"] | null = null;
    const lib = async () => {
      const t = process.hrtime.bigint();
      table = (await getFrequencyTable(h.db, admin, SLUG, { wave: "wave-2", question: "m01" }, new Date())).table;
      return seconds(t) * 1000;
    };
    await bare();
    await lib();
    {
      const floor = floorCounts!;
      const report = table!;
      if (report.n !== floor.n) throw new Error(`frequency N: the report says ${report.n}, its query alone ${floor.n}`);
      assertSameCounts("frequency table vs its query", new Map(report.rows.map((r) => [r.code, r.count])), floor.counts);
      // And both against a plain count written independently here (m01 is answered by everyone).
      const plain = await executeRows<{ code: string; n: unknown }>(
        h.db,
        sql`select code, count(*) as n from responses r, jsonb_array_elements_text(r.answers -> 'm01') code
            where r.wave_id = ${waves[1].id} and r.status = 'completed' group by code`,
      );
      assertSameCounts("frequency query vs a plain count", floor.counts, new Map(plain.map((r) => [r.code, Number(r.n)])));
    }
    const rawRuns: number[] = [];
    const libRuns: number[] = [];
    for (let i = 0; i < 7; i++) {
      rawRuns.push(await bare());
      libRuns.push(await lib());
    }
    const freq = median(libRuns);
    const raw = median(rawRuns);
    log(`frequency table: ${freq.toFixed(0)} ms (N = ${table!.n}, same counts as its query); the query alone: ${raw.toFixed(0)} ms`);
    const result = {
      rows: csv.rows,
      copy_rows: copy ? copy.rows : null,
      csv_seconds: Number(csv.seconds.toFixed(2)),
      csv_peak_rss_mb: csv.peak_rss_mb,
      copy_seconds: copy ? Number(copy.seconds.toFixed(2)) : null,
      xlsx_seconds: Number(xlsx.seconds.toFixed(2)),
      freq_ms: Math.round(freq),
      freq_raw_ms: Math.round(raw),
      csv_mb: Number((csv.bytes / 1048576).toFixed(1)),
      copy_mb: copy ? Number((copy.bytes / 1048576).toFixed(1)) : null,
      csv_vs_copy: copy ? Number((csv.seconds / copy.seconds).toFixed(2)) : null,
      freq_vs_raw: Number((freq / raw).toFixed(2)),
      xlsx_peak_rss_mb: xlsx.peak_rss_mb,
      responses: Number(responses),
    };
    console.log(JSON.stringify(result));
  } finally {
    await h.close();
    if (process.env.BENCH_KEEP) {
      log(`kept ${url}`);
      return;
    }
    const a = await openServerDb(server, { max: 1 });
    await a.sqlClient!.unsafe(`drop database if exists ${name} with (force)`);
    await a.close();
  }
}

if (process.argv[2] === "--child" && process.argv[5]) await childOnly(process.argv[4], process.argv[3] as "csv" | "xlsx");
else if (process.argv[2] === "--child") await child(process.argv[4], process.argv[3] as "csv" | "xlsx");
else await main();
