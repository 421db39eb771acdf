// Mail benchmark: 88,000 invitations (the reference study's population) queued through the
// outbox and delivered through nodemailer's pooled SMTP transport to a counting smtp-server sink in
// a child process; and the same number of bare pooled nodemailer sends to the same sink, the
// ceiling (half before, half after the outbox run); then the same messages once more through the
// outbox with a transport that accepts each at once (no SMTP): the outbox machinery's own rate and
// this process's CPU per message (PostgreSQL's CPU not included). Uses the PostgreSQL server at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432,
// its own database, dropped afterwards) or in-memory PGlite when BENCH_DB=pglite or the server is
// unreachable. Ends with one JSON line.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTransport } from "nodemailer";
import { sql } from "drizzle-orm";
import { executeRows, migrateDb, openMemoryDb, openServerDb, type DbHandle } from "../../db/client";
import { countOutboxByStatus } from "../../db/queries/outbox";
import { insertWave } from "../../db/queries/waves";
import { consents, contacts, instrumentVersions, instruments, participants, studies } from "../../db/schema";
import { renderPreview } from "../../emails";
import { emailHash, encryptPersonal } from "../../lib/crypto/personal-data";
import { drainOutbox } from "../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../lib/mail/transport";
import { reconcileWaves } from "../../lib/waves/reconcile-waves";
import { smallSurvey } from "../fixtures/small-survey";

const N = 2 * Math.round(Number(process.env.BENCH_MESSAGES || 88_000) / 2);
const CONNECTIONS = 5;
const key = randomBytes(32);
const here = dirname(fileURLToPath(import.meta.url));
const log = (m: string) => console.error(`[bench:mail] ${m}`);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);

type Stats = { distinct: number; duplicates: number; missing: number; total: number };

async function startSink(): Promise<{ child: ChildProcess; port: number; stats(prefix: string, n: number): Promise<Stats> }> {
  const child = fork(join(here, "_smtp-sink.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`sink exited ${code}`)));
  });
  return {
    child,
    port,
    stats: (prefix, n) =>
      new Promise((resolve) => {
        child.once("message", (m: { stats: Stats }) => resolve(m.stats));
        child.send({ cmd: "stats", prefix, n });
      }),
  };
}

async function openBenchDb(): Promise<{ handle: DbHandle; kind: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  if (process.env.BENCH_DB !== "pglite") {
    try {
      const admin = await openServerDb(server, { max: 1 });
      const name = `panelwave_bench_${randomBytes(4).toString("hex")}`;
      await admin.sqlClient!.unsafe(`create database ${name}`);
      await admin.close();
      const url = new URL(server);
      url.pathname = `/${name}`;
      const handle = await openServerDb(url.toString(), { max: 10 });
      await migrateDb(handle);
      return {
        handle,
        kind: "postgresql-15-server",
        drop: async () => {
          await handle.close();
          const a = await openServerDb(server, { max: 1 });
          await a.sqlClient!.unsafe(`drop database if exists ${name} with (force)`);
          await a.close();
        },
      };
    } catch (err) {
      log(`PostgreSQL server not usable (${(err as Error).message}); using PGlite`);
    }
  }
  const handle = await openMemoryDb();
  await migrateDb(handle);
  return { handle, kind: "pglite-memory", drop: () => handle.close() };
}

async function seed(handle: DbHandle) {
  const db = handle.db;
  const [study] = await db
    .insert(studies)
    .values({ slug: "bench", name: "Why exit? (bench)", languages: ["uk", "ru", "nb", "en"], defaultLanguage: "uk", contactName: "Olena K", contactEmail: "olena@example.org" })
    .returning();
  const [instrument] = await db.insert(instruments).values({ studyId: study.id, name: "Wave 2" }).returning();
  const [version] = await db.insert(instrumentVersions).values({ instrumentId: instrument.id, studyId: study.id, version: 1, definition: smallSurvey, sourceFormat: "json" }).returning();
  const langs = ["uk", "ru", "nb", "en"];
  const chunk = 2000;
  const when = new Date("2022-11-01T12:00:00Z");
  for (let i = 0; i < N; i += chunk) {
    const ids = Array.from({ length: Math.min(chunk, N - i) }, () => randomUUID());
    await db.insert(participants).values(ids.map((id, j) => ({ id, studyId: study.id, code: `B-${i + j}` })));
    await db.insert(contacts).values(
      ids.map((id, j) => {
        const email = `b${i + j}@bench.test`;
        return { participantId: id, studyId: study.id, emailEncrypted: encryptPersonal(key, email), emailHash: emailHash(key, email), language: langs[(i + j) % 4] };
      }),
    );
    await db.insert(consents).values(ids.map((id) => ({ participantId: id, studyId: study.id, kind: "follow_up_surveys", granted: true, method: "survey", recordedAt: when })));
  }
  const now = new Date();
  const wave = await insertWave(
    db,
    {
      studyId: study.id, slug: "wave-2", name: "Wave 2", instrumentVersionId: version.id, mode: "panel", status: "scheduled",
      opensAt: now, closesAt: new Date(now.getTime() + 30 * 86400_000),
      targetRule: { consent: "follow_up_surveys" }, schedule: { reminders: [{ afterDays: 7 }], remindIf: "not_completed" },
    },
    now,
  );
  return { study, wave: wave! };
}

/** Bare pooled nodemailer sends of a rendered invitation to raw<from…from+count>; seconds taken. */
async function bareSends(smtpUrl: string, from: string, first: number, count: number): Promise<number> {
  const sample = renderPreview("invitation", "uk");
  const bare = createTransport({ url: smtpUrl, pool: true, maxConnections: CONNECTIONS, maxMessages: 500, ignoreTLS: true });
  const t = Date.now();
  let next = first;
  const end = first + count;
  await Promise.all(
    Array.from({ length: CONNECTIONS * 4 }, async () => {
      while (next < end) {
        const i = next++;
        await bare.sendMail({ from, to: `raw${i}@bench.test`, subject: sample.subject, html: sample.html, text: sample.text });
      }
    }),
  );
  bare.close();
  return (Date.now() - t) / 1000;
}

/** Accepts every message at once: what the outbox costs without nodemailer and SMTP. */
function instantTransport(): MailTransport & { accepted: number } {
  const t = {
    kind: "smtp" as const,
    concurrency: CONNECTIONS,
    accepted: 0,
    async send() {
      t.accepted++;
      return { providerMessageId: `instant-${t.accepted}` };
    },
    async close() {},
  };
  return t;
}

/** The wave's delivered messages made due again, as if just queued. */
async function requeueSent(handle: DbHandle, waveId: string): Promise<number> {
  const rows = await executeRows<{ id: unknown }>(
    handle.db,
    sql`update outbox set status = 'pending', attempts = 0, sent_at = null, provider_message_id = null, locked_until = null,
               last_error = null, next_attempt_at = now()
        where wave_id = ${waveId} and status = 'sent' returning id`,
  );
  return rows.length;
}

async function main() {
  const sink = await startSink();
  const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
  const { handle, kind, drop } = await openBenchDb();
  log(`database: ${kind}; sink on ${sink.port}; ${N} messages`);
  try {
    const t0 = Date.now();
    const { wave } = await seed(handle);
    log(`seeded ${N} participants in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const t1 = Date.now();
    const rec = await reconcileWaves(handle.db, new Date(), { personalDataKey: key });
    const queueSeconds = (Date.now() - t1) / 1000;
    log(`reconcile: ${rec.invited} invitations queued in ${queueSeconds.toFixed(1)} s; rss ${rssMb()} MB`);

    const settings = { personalDataKey: key, publicUrl: "https://panel.example.org", mailFrom: "Panelwave <no-reply@panel.example.org>" };
    // The ceiling is measured half before and half after the outbox run, so that a change in the
    // machine's background load during the run weighs on both figures alike.
    const rawSecondsBefore = await bareSends(smtpUrl, settings.mailFrom, 0, N / 2);
    const transport = createMailTransport(handle.db, { smtpUrl, ignoreTLS: true, maxConnections: CONNECTIONS });
    const rssBefore = rssMb();
    const t2 = Date.now();
    const stats = await drainOutbox(handle.db, transport, { ...settings, batchSize: 500 });
    const seconds = (Date.now() - t2) / 1000;
    await transport.close();
    const rssAfter = rssMb();
    log(`outbox: ${JSON.stringify(stats)} in ${seconds.toFixed(1)} s; rss ${rssBefore} → ${rssAfter} MB`);
    const outboxCounts = await countOutboxByStatus(handle.db, { waveId: wave.id });
    const received = await sink.stats("b", N);

    const rawSecondsAfter = await bareSends(smtpUrl, settings.mailFrom, N / 2, N - N / 2);
    const rawSeconds = rawSecondsBefore + rawSecondsAfter;
    const raw = await sink.stats("raw", N);
    log(`raw: ${raw.total} in ${rawSeconds.toFixed(1)} s (${rawSecondsBefore.toFixed(1)} s before the outbox run, ${rawSecondsAfter.toFixed(1)} s after)`);

    const [{ n: sentRows }] = await executeRows<{ n: unknown }>(handle.db, sql`select count(*) as n from outbox where status = 'sent'`);

    // The outbox alone: the same rows again, to a transport that accepts at once.
    const requeued = await requeueSent(handle, wave.id);
    const instant = instantTransport();
    const cpu0 = process.cpuUsage();
    const t3 = Date.now();
    const instantStats = await drainOutbox(handle.db, instant, { ...settings, batchSize: 500 });
    const instantSeconds = (Date.now() - t3) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / Math.max(1, instant.accepted);
    log(`outbox without SMTP: ${requeued} requeued, ${instant.accepted} accepted (${JSON.stringify(instantStats)}) in ${instantSeconds.toFixed(1)} s, ${cpuMsPerMessage.toFixed(3)} ms of this process's CPU each`);
    if (instant.accepted !== requeued) throw new Error(`the instant transport accepted ${instant.accepted} of ${requeued} requeued messages`);
    const result = {
      messages: received.total,
      seconds: Number(seconds.toFixed(1)),
      per_second: Math.round(received.total / seconds),
      raw_per_second: Math.round(raw.total / rawSeconds),
      duplicates: received.duplicates,
      missing: received.missing,
      peak_rss_mb: Math.round(peakRss / 1048576),
      rss_mb_before_after_send: [rssBefore, rssAfter],
      outbox_sent_rows: Number(sentRows),
      outbox_status: outboxCounts,
      queue_seconds: Number(queueSeconds.toFixed(1)),
      raw_seconds: Number(rawSeconds.toFixed(1)),
      no_smtp_per_second: Math.round(instant.accepted / instantSeconds),
      no_smtp_cpu_ms_per_message: Number(cpuMsPerMessage.toFixed(3)),
      db: kind,
      smtp_connections: CONNECTIONS,
    };
    console.log(JSON.stringify(result));
  } finally {
    clearInterval(sampler);
    sink.child.send({ cmd: "exit" });
    await drop();
  }
}

await main();
