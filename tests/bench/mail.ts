// Mail benchmark: 88,000 invitations (the reference study's population) queued through the
// outbox and delivered through nodemailer's pooled SMTP transport to a counting smtp-server sink in
// a child process; and the same number of bare pooled nodemailer sends to the same sink, the
// ceiling (half before, half after the outbox run); then the same messages once more through the
// outbox with a transport that accepts each at once (no SMTP): the outbox machinery's own rate and
// this process's CPU per message (PostgreSQL's CPU not included). Uses the PostgreSQL server at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432,
// its own database, dropped afterwards) or in-memory PGlite when BENCH_DB=pglite or the server is
// unreachable. The outbox claims the worker's own batch size (BENCH_BATCH to try another;
// BENCH_MESSAGES for a shorter run). Ends with one JSON line.
import { randomBytes } from "node:crypto";
import { createTransport } from "nodemailer";
import { sql } from "drizzle-orm";
import { executeRows } from "../../db/client";
import { countOutboxByStatus } from "../../db/queries/outbox";
import { renderPreview } from "../../emails";
import { DEFAULT_OUTBOX_BATCH, drainOutbox } from "../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../lib/mail/transport";
import { reconcileWaves } from "../../lib/waves/reconcile-waves";
import { openBenchDb, requeueSent, seed, startSink } from "./_mail-setup";

const N = 2 * Math.round(Number(process.env.BENCH_MESSAGES || 88_000) / 2);
const CONNECTIONS = 5;
const key = randomBytes(32);
const log = (m: string) => console.error(`[bench:mail] ${m}`);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);

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

async function main() {
  const sink = await startSink();
  const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
  const { handle, kind, drop } = await openBenchDb(log);
  log(`database: ${kind}; sink on ${sink.port}; ${N} messages`);
  try {
    const t0 = Date.now();
    const { wave } = await seed(handle, N, key);
    log(`seeded ${N} participants in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const t1 = Date.now();
    const rec = await reconcileWaves(handle.db, new Date(), { personalDataKey: key });
    const queueSeconds = (Date.now() - t1) / 1000;
    log(`reconcile: ${rec.invited} invitations queued in ${queueSeconds.toFixed(1)} s; rss ${rssMb()} MB`);

    // The worker's own batch size unless BENCH_BATCH says otherwise: the figure is what a deployment gets.
    const batch = process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {};
    const settings = { personalDataKey: key, publicUrl: "https://panel.example.org", mailFrom: "Panelwave <no-reply@panel.example.org>", ...batch };
    // The ceiling is measured half before and half after the outbox run, so that a change in the
    // machine's background load during the run weighs on both figures alike.
    const rawSecondsBefore = await bareSends(smtpUrl, settings.mailFrom, 0, N / 2);
    const transport = createMailTransport(handle.db, { smtpUrl, ignoreTLS: true, maxConnections: CONNECTIONS });
    const rssBefore = rssMb();
    const t2 = Date.now();
    const stats = await drainOutbox(handle.db, transport, settings);
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
    const instantStats = await drainOutbox(handle.db, instant, settings);
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
      batch_size: settings.batchSize ?? DEFAULT_OUTBOX_BATCH,
    };
    console.log(JSON.stringify(result));
  } finally {
    clearInterval(sampler);
    sink.child.send({ cmd: "exit" });
    await drop();
  }
}

await main();
