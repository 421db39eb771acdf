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

    // Another reconcile run adds nothing: every effect is keyed in the database.
    await worker.reconcileNow();
    await worker.drainNow();
    await new Promise((r) => setTimeout(r, 3000));
    expect(sink.messages).toHaveLength(13);
  });
});
