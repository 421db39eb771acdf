// API benchmark: the responses export through GET /api/v1/studies/:study/responses for a
// 100,000-participant panel (2 waves × 150 variables, generated inside PostgreSQL by the export
// benchmark's SQL), on a fresh database on the server at BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432; dropped afterwards). The route handler is called
// in-process with a real `Request` and a Bearer token (auth, rate limit, zod parsing, audit, the
// streamed Response body): no HTTP socket, so the figures are the handler's own. Measures
// ttfb_ms (until the first body chunk), seconds (until the last), rows_per_second, for wide CSV
// (the headline) and wide JSON. Ends with one JSON line. `npx tsx tests/bench/run.ts api`.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { executeRows, migrateDb, openServerDb } from "../../db/client";
import { insertInstrumentVersion, insertStudy } from "../../db/queries/seed";
import { insertWave } from "../../db/queries/waves";
import { addStudyMember } from "../../db/queries/users";
import { createApiToken } from "../../lib/api/api-token";
import { createUser } from "../../lib/auth/create-user";
import { loadConfig } from "../../lib/config/load-config";
import { createAppAuth, setRuntimeForTests } from "../../lib/runtime";
import { surveyDefinitionSchema } from "../../lib/surveys/definition";
import { readCsv } from "../fixtures/csv";
import { benchDefinitions, participantsInsertSql, responsesInsertSql } from "./_export-panel";

const N = Number(process.env.BENCH_ROWS || 100_000);
const SLUG = "bench-api";
const log = (m: string) => console.error(`[bench:api] ${m}`);
const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

async function pull(GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, token: string, format: "csv" | "json") {
  const t0 = process.hrtime.bigint();
  const req = new Request(`http://localhost/api/v1/studies/${SLUG}/responses?shape=wide&format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  const res = await GET(req, { params: Promise.resolve({ study: SLUG }) });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const reader = res.body!.getReader();
  let ttfb = 0;
  let bytes = 0;
  let newlines = 0;
  let columns = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!ttfb) {
      ttfb = since(t0) * 1000;
      const text = new TextDecoder().decode(value);
      columns = format === "csv" ? readCsv(text.split("\r\n")[0])[0].length : (JSON.parse(`${text}]}`) as { columns: string[] }).columns.length;
    }
    bytes += value.byteLength;
    if (format === "csv") for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
  }
  const seconds = since(t0);
  return { ttfb_ms: Math.round(ttfb), seconds: Math.round(seconds * 100) / 100, bytes, lines: newlines, columns };
}

async function main() {
  const server = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `panelwave_bench_api_${randomBytes(4).toString("hex")}`;
  const root = await openServerDb(server, { max: 1 });
  await root.sqlClient!.unsafe(`create database ${name}`);
  await root.close();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const h = await openServerDb(url.toString(), { max: 6 });
  try {
    await migrateDb(h);
    const defs = benchDefinitions();
    const waves = [surveyDefinitionSchema.parse(defs.wave1), surveyDefinitionSchema.parse(defs.wave2)];
    const studyId = await insertStudy(h.db, {
      slug: SLUG, name: "API benchmark", languages: ["en", "uk"], defaultLanguage: "en",
      statusVariable: "where_now", statusMapping: { stayed: "stayed", returned: "returned", moved_on: "moved_on" },
    });
    const waveIds: string[] = [];
    for (const [i, def] of waves.entries()) {
      const v = await insertInstrumentVersion(h.db, { studyId, name: `Wave ${i + 1}`, definition: def, sourceFormat: "json" });
      waveIds.push((await insertWave(h.db, { studyId, slug: `wave-${i + 1}`, name: `Wave ${i + 1}`, position: i + 1, instrumentVersionId: v, mode: "panel", status: "closed" }, new Date()))!.id);
    }
    let t0 = process.hrtime.bigint();
    await h.sqlClient!.unsafe(participantsInsertSql(studyId, N));
    const slices = 4;
    const per = Math.ceil(N / slices);
    for (const [i, def] of waves.entries()) {
      await Promise.all(Array.from({ length: slices }, (_, k) =>
        h.sqlClient!.unsafe(responsesInsertSql({ def: def as never, studyId, waveId: waveIds[i], from: k * per + 1, to: Math.min(N, (k + 1) * per), wave2: i === 1 }))));
    }
    await h.sqlClient!.unsafe("vacuum analyze participants");
    await h.sqlClient!.unsafe("vacuum analyze responses");
    const [{ n }] = await executeRows<{ n: unknown }>(h.db, sql`select count(*) as n from responses`);
    log(`loaded ${N} participants, ${n} responses in ${since(t0).toFixed(1)} s`);

    const config = loadConfig({ PERSONAL_DATA_KEY: randomBytes(32).toString("base64"), DATABASE_URL: url.toString() });
    setRuntimeForTests({ config, db: h.db, dbKind: "postgres", auth: createAppAuth(h.db, config) });
    const userId = await createUser(h.db, { email: "bench@example.org", password: "bench password 1", name: "Bench", role: "researcher" });
    await addStudyMember(h.db, studyId, userId);
    const { token } = await createApiToken(h.db, { id: userId, email: "bench@example.org", name: "Bench", role: "researcher" }, { name: "bench" }, new Date());
    const { GET } = await import("../../app/api/v1/studies/[study]/responses/route");

    t0 = process.hrtime.bigint();
    const csv = await pull(GET, token, "csv");
    const rows = csv.lines - 1;
    log(`wide CSV: ttfb ${csv.ttfb_ms} ms, ${csv.seconds} s, ${rows} rows, ${(csv.bytes / 1048576).toFixed(0)} MB`);
    const json = await pull(GET, token, "json");
    log(`wide JSON: ttfb ${json.ttfb_ms} ms, ${json.seconds} s, ${(json.bytes / 1048576).toFixed(0)} MB`);
    const [{ audits }] = await executeRows<{ audits: unknown }>(h.db, sql`select count(*) as audits from audit_log where action = 'export.responses'`);
    if (rows !== N || Number(audits) !== 2) throw new Error(`expected ${N} rows and 2 audit entries, got ${rows} and ${audits}`);
    console.log(JSON.stringify({
      bench: "api", mode: "in-process route handler (Request → streamed Response)", endpoint: "GET /api/v1/studies/:study/responses?shape=wide&format=csv",
      participants: N, rows, columns_per_row: csv.columns, ttfb_ms: csv.ttfb_ms, seconds: csv.seconds, rows_per_second: Math.round(rows / csv.seconds),
      mb: Math.round(csv.bytes / 1048576), load_average: Number(loadavg()[0].toFixed(1)), json: { ttfb_ms: json.ttfb_ms, seconds: json.seconds, rows_per_second: Math.round(rows / json.seconds), mb: Math.round(json.bytes / 1048576) },
    }));
  } finally {
    setRuntimeForTests(null);
    await h.close();
    const a = await openServerDb(server, { max: 1 });
    await a.sqlClient!.unsafe(`drop database if exists ${name} with (force)`);
    await a.close();
  }
}

await main();
