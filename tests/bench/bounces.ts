// Bounce benchmark: BENCH_DSNS (default 50,000) delivery status notifications (40% hard, 40% soft,
// 10% malformed, 10% with a forged VERP tag; Postfix, Exim, Gmail and Microsoft styles) sent over
// SMTP from a child process to the bounce listener in this process, while the outbox sends a wave
// of BENCH_MESSAGES (default 88,000) invitations to the counting sink (the mail benchmark's set-up,
// tests/bench/_mail-setup.ts). The same wave is first sent without reports, in the same run, for
// wave_per_second_without_dsn. misclassified counts reports whose recorded outcome (hard row, soft
// row, nothing) differs from what was sent; it must be 0. Ends with one JSON line.
import { fork } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { executeRows, type DbHandle } from "../../db/client";
import { consents, contacts, outbox, participants } from "../../db/schema";
import { emailHash, encryptPersonal } from "../../lib/crypto/personal-data";
import { startBounceListener } from "../../lib/mail/bounces/bounce-listener";
import type { DsnOutcome } from "../../lib/mail/bounces/handle-dsn";
import { drainOutbox } from "../../lib/mail/send-outbox";
import { createMailTransport } from "../../lib/mail/transport";
import { reconcileWaves } from "../../lib/waves/reconcile-waves";
import { openBenchDb, requeueSent, seed, startSink } from "./_mail-setup";

const N = Number(process.env.BENCH_MESSAGES || 88_000);
const D = Number(process.env.BENCH_DSNS || 50_000);
const CONNECTIONS = 5;
const DOMAIN = "bounces.panel.example.org";
const key = randomBytes(32);
const here = dirname(fileURLToPath(import.meta.url));
const log = (m: string) => console.error(`[bench:bounces] ${m}`);
const KIND = { hard: 0, soft: 1, malformed: 2, forged: 3 } as const;
const kindOf = (i: number) => (i % 10 < 4 ? KIND.hard : i % 10 < 8 ? KIND.soft : i % 10 === 8 ? KIND.malformed : KIND.forged);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

/** D earlier messages, already sent, each to its own participant outside the wave (no consent). */
async function seedReported(handle: DbHandle, studyId: string): Promise<number[]> {
  const db = handle.db;
  const ids: number[] = [];
  const chunk = 2000;
  const when = new Date(Date.now() - 30 * 86400_000);
  for (let i = 0; i < D; i += chunk) {
    const people = Array.from({ length: Math.min(chunk, D - i) }, () => randomUUID());
    await db.insert(participants).values(people.map((id, j) => ({ id, studyId, code: `D-${i + j}` })));
    await db.insert(contacts).values(people.map((id, j) => {
      const email = `b-dsn-${i + j}@bench.test`;
      return { participantId: id, studyId, emailEncrypted: encryptPersonal(key, email), emailHash: emailHash(key, email), language: "uk" };
    }));
    await db.insert(consents).values(people.map((id) => ({ participantId: id, studyId, kind: "follow_up_surveys", granted: false, method: "survey", recordedAt: when })));
    const rows = await db.insert(outbox).values(people.map((id, j) => ({
      studyId, participantId: id, kind: "bench_earlier", template: "invitation", language: "uk", idempotencyKey: `bench-earlier-${i + j}`,
      status: "sent" as const, sentAt: when, nextAttemptAt: when,
    }))).returning({ id: outbox.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

async function main() {
  const sink = await startSink();
  const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
  const { handle, kind, drop } = await openBenchDb(log);
  const sender = fork(join(here, "_dsn-sender.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await new Promise<void>((resolve) => sender.once("message", () => resolve()));
  log(`database: ${kind}; ${N} wave messages, ${D} reports`);
  const outcomes = new Map<DsnOutcome, number>();
  const events = new Map<string, number>();
  let handled = 0;
  let allHandled: () => void = () => {};
  const listener = await startBounceListener({
    db: handle.db, key, domain: DOMAIN, port: 0, host: "127.0.0.1", ratePerMinute: 10_000_000,
    log: (e) => events.set(`${e.event}${e.reason ? `/${e.reason}` : ""}`, (events.get(`${e.event}${e.reason ? `/${e.reason}` : ""}`) ?? 0) + 1),
    onOutcome: (o) => {
      outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
      if (++handled === D) allHandled();
    },
  });
  try {
    const t0 = Date.now();
    const { study, wave } = await seed(handle, N, key);
    const reported = await seedReported(handle, study.id);
    log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const rec = await reconcileWaves(handle.db, new Date(), { personalDataKey: key });
    log(`reconcile: ${rec.invited} invitations queued`);
    const settings = { personalDataKey: key, publicUrl: "https://panel.example.org", mailFrom: "Panelwave <no-reply@panel.example.org>", bounceDomain: DOMAIN };

    // 1. The wave alone.
    let transport = createMailTransport(handle.db, { smtpUrl, ignoreTLS: true, maxConnections: CONNECTIONS });
    let t = Date.now();
    const alone = await drainOutbox(handle.db, transport, { ...settings, batchSize: 500 });
    const aloneSeconds = (Date.now() - t) / 1000;
    await transport.close();
    log(`wave alone: ${alone.sent} in ${aloneSeconds.toFixed(1)} s`);

    // 2. The same wave again while the reports arrive.
    const requeued = await requeueSent(handle, wave.id);
    const jobs = reported.map((id, i) => [id, kindOf(i)] as [number, number]);
    const handledAll = new Promise<void>((r) => (allHandled = r));
    const senderDone = new Promise<{ sent: number; refused: number; seconds: number }>((resolve) => sender.once("message", (m: { done: { sent: number; refused: number; seconds: number } }) => resolve(m.done)));
    transport = createMailTransport(handle.db, { smtpUrl, ignoreTLS: true, maxConnections: CONNECTIONS });
    t = Date.now();
    sender.send({ port: listener.port, key: key.toString("base64"), domain: DOMAIN, jobs, connections: CONNECTIONS });
    const [withDsn, dsnSeconds] = await Promise.all([
      drainOutbox(handle.db, transport, { ...settings, batchSize: 500 }).then((s) => ({ s, seconds: (Date.now() - t) / 1000 })),
      Promise.all([senderDone, handledAll]).then(([d]) => ({ ...d, wall: (Date.now() - t) / 1000 })),
    ]);
    await transport.close();
    log(`wave with reports: ${withDsn.s.sent} of ${requeued} in ${withDsn.seconds.toFixed(1)} s; reports: ${JSON.stringify(dsnSeconds)}; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);

    // What each report left: a hard row, a soft row or nothing, against what was sent.
    const rows = await executeRows<{ outbox_id: unknown; hard: unknown }>(handle.db, sql`select outbox_id, bool_or(hard) as hard from mail_bounces where source = 'dsn' group by outbox_id`);
    const recorded = new Map(rows.map((r) => [Number(r.outbox_id), r.hard === true || r.hard === "t" ? "hard" : "soft"]));
    let misclassified = 0;
    for (const [id, k] of jobs) {
      const want = k === KIND.hard ? "hard" : k === KIND.soft ? "soft" : "none";
      if ((recorded.get(id) ?? "none") !== want) misclassified++;
    }
    const [{ n: bouncedContacts }] = await executeRows<{ n: unknown }>(handle.db, sql`select count(*) as n from contacts where bounced_at is not null`);
    const received = await sink.stats("b", N);
    console.log(JSON.stringify({
      dsns: D,
      dsn_per_second: Math.round(D / dsnSeconds.wall),
      dsn_seconds: Number(dsnSeconds.wall.toFixed(1)),
      dsn_refused: dsnSeconds.refused,
      wave_messages: N,
      wave_per_second: Math.round(withDsn.s.sent / withDsn.seconds),
      wave_per_second_without_dsn: Math.round(alone.sent / aloneSeconds),
      misclassified,
      outcomes: Object.fromEntries(outcomes),
      ignored_logged: Object.fromEntries([...events].filter(([k]) => k.startsWith("bounce.ignored"))),
      bounced_contacts: Number(bouncedContacts),
      sink_distinct: received.distinct,
      peak_rss_mb: Math.round(peakRss / 1048576),
      db: kind,
    }));
  } finally {
    clearInterval(sampler);
    sender.kill();
    await listener.close();
    sink.child.send({ cmd: "exit" });
    await drop();
  }
}

await main();
