// Two worker instances on one PostgreSQL database; the one that is sending is killed with SIGKILL.
// Mail resumes on the other within a minute, and the only messages sent twice are those the dead
// worker's SMTP server had accepted before it could record them (the at-least-once window of
// docs/outbox.md). Slow (about a minute): runs where the PostgreSQL server is (CI's integration run).
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { countOutboxByStatus } from "../../../db/queries/outbox";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, seedStudy } from "../mail/helpers/panel";
import { startSmtpSink, type SmtpSink } from "../mail/helpers/smtp-sink";

const server = process.env.TEST_DATABASE_URL;
const PEOPLE = 300;
const RATE = 20;
const LEASE_MS = 20_000;

let t: TestDb | undefined;
const sinks: SmtpSink[] = [];
const workers: ChildProcess[] = [];

afterAll(async () => {
  for (const w of workers) w.kill("SIGKILL");
  for (const s of sinks) await s.close();
  await t?.drop();
});

async function until(cond: () => boolean | Promise<boolean>, what: string, capMs: number) {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > capMs) throw new Error(`timed out after ${capMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startWorkerProcess(url: string, sink: SmtpSink): Promise<ChildProcess> {
  const w = spawn(process.execPath, ["--import", "tsx", "tests/integration/faults/fixtures/worker-process.ts", url, sink.url, String(RATE), String(LEASE_MS)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  workers.push(w);
  let out = "";
  w.stdout!.on("data", (b) => (out += b));
  await until(() => out.includes("started"), "the worker to start", 60_000);
  return w;
}

describe.skipIf(!server)("a worker killed while sending (two instances, PostgreSQL)", () => {
  it("mail resumes on the live instance within a minute; only messages accepted before the kill come twice", { timeout: 240_000 }, async () => {
    t = await createTestDb();
    const { study, versionId } = await seedStudy(t.db);
    await addPeople(t.db, study.id, Array.from({ length: PEOPLE }, (_, i) => ({ email: `k${i}@test.example` })));
    const now = new Date();
    const wave = await addPanelWave(t.db, study.id, versionId, { opensAt: new Date(now.getTime() - 60_000), closesAt: new Date(now.getTime() + 30 * 86400_000) });
    await reconcileWaves(t.db, now, { personalDataKey: testKey, waveId: wave.id });
    expect((await countOutboxByStatus(t.db, { waveId: wave.id })).pending).toBe(PEOPLE);

    const url = new URL(server!);
    url.pathname = `/${t.name}`;
    const [sinkA, sinkB] = [await startSmtpSink(), await startSmtpSink()];
    sinks.push(sinkA, sinkB);

    const a = await startWorkerProcess(url.toString(), sinkA);
    await until(() => sinkA.messages.length >= 10, "instance A to send", 60_000);
    await startWorkerProcess(url.toString(), sinkB);
    // A is sending (its drain run holds the queue), B is idle and healthy.
    const before = sinkA.messages.length;
    await until(() => sinkA.messages.length > before, "A still sending", 10_000);
    expect(sinkB.messages).toHaveLength(0);

    a.kill("SIGKILL");
    const killedAt = Date.now();
    await new Promise((r) => a.once("exit", r));
    const acceptedByA = new Set(sinkA.messages.flatMap((m) => m.envelopeTo));
    expect(acceptedByA.size).toBeLessThan(PEOPLE);

    await until(() => sinkB.messages.length > 0, "mail to resume on instance B", 90_000);
    const resumedAfterMs = Date.now() - killedAt;
    expect(resumedAfterMs).toBeLessThan(60_000);

    // Everything arrives: B also reclaims the rows A had claimed, once their lease runs out.
    const received = () => new Set([...sinkA.messages, ...sinkB.messages].flatMap((m) => m.envelopeTo));
    await until(() => received().size === PEOPLE, "every invitation", 120_000);
    await until(async () => (await countOutboxByStatus(t!.db, { waveId: wave.id })).sent === PEOPLE, "every row marked sent", 30_000);

    // Sent twice only when A's SMTP server had accepted it before the kill, and never more than
    // A had in flight (its lanes: 2 connections × 4); each copy carries the same Message-ID.
    const twice = sinkB.messages.filter((m) => acceptedByA.has(m.envelopeTo[0]));
    expect(twice.length).toBeLessThanOrEqual(8);
    for (const m of twice) {
      const first = sinkA.messages.find((x) => x.envelopeTo[0] === m.envelopeTo[0])!;
      expect(m.headers.get("message-id")).toBe(first.headers.get("message-id"));
    }
    expect(sinkA.messages.length + sinkB.messages.length).toBe(PEOPLE + twice.length);
    console.log(`[worker-kill] A sent ${acceptedByA.size} before the kill; B resumed after ${(resumedAfterMs / 1000).toFixed(1)} s; ${twice.length} sent twice`);
  });
});

if (!server) {
  describe("a worker killed while sending", () => {
    it.skip("needs TEST_DATABASE_URL (two worker processes share one PostgreSQL server)", () => {});
  });
}
