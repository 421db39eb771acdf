// The pg-boss worker on the test database (PGlite through pg-boss's custom db adapter, or the
// server through a connection string): a reconcile run invites an open wave's panel and the
// send-outbox job delivers the invitations to a real SMTP server, once each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countOutboxByStatus } from "../../../db/queries/outbox";
import { queueInterviewRequest } from "../../../lib/mail/queue-mail";
import { createMailTransport } from "../../../lib/mail/transport";
import { startWorker, type Worker } from "../../../lib/jobs/worker";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, mailSettings, seedStudy } from "./helpers/panel";
import { startSmtpSink, type SmtpSink } from "./helpers/smtp-sink";
import { consents } from "../../../db/schema";
import { executeRows } from "../../../db/client";
import { reconcileJob, sendOutboxJob } from "../../../lib/jobs/jobs";
import { sql } from "drizzle-orm";

let t: TestDb;
let sink: SmtpSink;
let worker: Worker | undefined;
const transportRef: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await worker?.stop();
  for (const tr of transportRef) await tr.close();
  await sink?.close();
  await t?.drop();
});

/** Waits for a condition (the worker polls about every second); fails after a generous cap. */
async function until(cond: () => boolean | Promise<boolean>, what: string, capMs = 45_000) {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > capMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The database's clock, as text (microseconds kept), to compare with pg-boss's timestamps. */
async function dbNow(): Promise<string> {
  const [r] = await executeRows<{ now: string }>(t.db, sql`select now()::text as now`);
  return r.now;
}

/**
 * pg-boss's own record of the worker's jobs (its job table): how many reconcile and send-outbox
 * runs started at or after `since` and completed, how many failed, and whether none of either
 * kind is still queued or running.
 */
async function jobsRunSince(since: string) {
  const names = [reconcileJob.name, sendOutboxJob.name];
  const rows = await executeRows<{ name: string; state: string; started: boolean | null; n: unknown }>(
    t.db,
    sql`select name, state, (started_on >= ${since}::timestamptz) as started, count(*) as n
        from pgboss.job where name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)}) group by 1, 2, 3`,
  );
  const completed: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  let pending = 0;
  let failed = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (["created", "retry", "active"].includes(r.state)) pending += n;
    else if (r.state === "completed" && r.started === true) completed[r.name] += n;
    else if (r.state === "failed" && r.started === true) failed += n;
  }
  return { completed, failed, settled: pending === 0 && names.every((n) => completed[n] > 0) };
}

describe(`worker (pg-boss on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("opens a due wave, invites its panel and delivers each invitation once; a queued interview request follows on a nudge", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const ids = await addPeople(t.db, study.id, Array.from({ length: 12 }, (_, i) => ({ email: `w${i}@test.example`, language: i % 2 ? "nb" : "uk" })));
    const now = new Date();
    const wave = await addPanelWave(t.db, study.id, versionId, { opensAt: new Date(now.getTime() - 60_000), closesAt: new Date(now.getTime() + 7 * 86400_000) });

    let connectionString: string | undefined;
    if (process.env.TEST_DATABASE_URL) {
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${t.name}`;
      connectionString = url.toString();
    }
    const transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true });
    transportRef.push(transport);
    worker = await startWorker({ handle: t, connectionString, config: { ...mailSettings, smtpUrl: sink.url }, transport, pollingIntervalSeconds: 1, log: () => {} });

    await until(() => sink.messages.length >= 12, "12 invitations");
    await until(async () => (await countOutboxByStatus(t.db, { waveId: wave.id })).sent === 12, "12 rows marked sent");
    expect(new Set(sink.messages.map((m) => m.envelopeTo[0])).size).toBe(12);

    await t.db.insert(consents).values({ participantId: ids[1], studyId: study.id, kind: "interview_contact", granted: true, method: "survey" });
    expect(await queueInterviewRequest(t.db, { participantId: ids[1] }, new Date())).toBe(true);
    await until(() => sink.messages.length >= 13, "the interview request");
    const last = sink.messages[12];
    expect(last.envelopeTo).toEqual(["w1@test.example"]);
    expect(last.subject).toContain("vil du snakke med oss");

    // Another reconcile run adds nothing: every effect is keyed in the database. Wait until the
    // worker has really run a reconcile and a drain that started after this point and nothing is
    // left queued or running, then count (a fixed sleep would pass if the worker had not run yet).
    const mark = await dbNow();
    await worker.reconcileNow();
    await worker.drainNow();
    await until(async () => (await jobsRunSince(mark)).settled, "the reconcile and drain jobs queued now to complete");
    const runs = await jobsRunSince(mark);
    expect(runs.completed.reconcile).toBeGreaterThanOrEqual(1);
    expect(runs.completed[sendOutboxJob.name]).toBeGreaterThanOrEqual(1);
    expect(runs.failed).toBe(0);
    expect(sink.messages).toHaveLength(13);
  });
});
