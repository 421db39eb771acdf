// Mail queued inside a transaction wakes the worker only once the transaction has committed: a
// nudge fired before COMMIT made the drain find nothing, and the mail waited for the next tick or
// the next minute. A rolled-back transaction nudges nobody.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { consents } from "../../../db/schema";
import { transaction } from "../../../db/transaction";
import { reconcileJob, sendOutboxJob } from "../../../lib/jobs/jobs";
import { onNudge, type NudgeTopic } from "../../../lib/nudge/nudge";
import { startWorker, type Worker } from "../../../lib/jobs/worker";
import { queueInterviewRequest } from "../../../lib/mail/queue-mail";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { addPeople, mailSettings, seedStudy } from "./helpers/panel";
import { startSmtpSink, type SmtpSink } from "./helpers/smtp-sink";

let t: TestDb;
let sink: SmtpSink;
let transport: MailTransport | undefined;
let worker: Worker | undefined;
let person: string;
let studyId: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean | Promise<boolean>, what: string, capMs: number) {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > capMs) throw new Error(`${what}: not within ${capMs} ms`);
    await sleep(50);
  }
}

/** No reconcile or send-outbox job is queued or running. */
async function jobsIdle(): Promise<boolean> {
  const [r] = await executeRows<{ n: unknown }>(
    t.db,
    sql`select count(*) as n from pgboss.job where name in (${reconcileJob.name}, ${sendOutboxJob.name}) and state in ('created', 'retry', 'active')`,
  );
  return Number(r.n) === 0;
}

beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  const { study } = await seedStudy(t.db);
  studyId = study.id;
  [person] = await addPeople(t.db, study.id, [{ email: "nudge@test.example", language: "nb" }]);
  await t.db.insert(consents).values({ participantId: person, studyId, kind: "interview_contact", granted: true, method: "survey" });
});
afterAll(async () => {
  await worker?.stop();
  await transport?.close();
  await sink?.close();
  await t?.drop();
});

describe("nudges fire after commit", () => {
  it("delivers mail queued in a transaction within seconds of the commit, nudged once after it", async () => {
    let connectionString: string | undefined;
    if (process.env.TEST_DATABASE_URL) {
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${t.name}`;
      connectionString = url.toString();
    }
    transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true });
    worker = await startWorker({ handle: t, connectionString, config: { ...mailSettings, smtpUrl: sink.url }, transport, pollingIntervalSeconds: 1, log: () => {} });
    // Let the start-up reconcile and drain finish, so only a nudge can start the next drain soon.
    await until(jobsIdle, "the start-up jobs to finish", 30_000);

    const nudges: { topic: NudgeTopic; callbackDone: boolean }[] = [];
    let callbackDone = false;
    const off = onNudge((topic) => nudges.push({ topic, callbackDone }));
    try {
      await transaction(t.db, async (tx) => {
        expect(await queueInterviewRequest(tx, { participantId: person }, new Date())).toBe(true);
        // Held open long enough for a drain started by an early nudge to run and find nothing.
        await sleep(2500);
        callbackDone = true;
      });
      const committed = Date.now();
      // The drain tick is 15 s and the schedule a minute: only a nudge after COMMIT gets here.
      await until(() => sink.messages.length >= 1, "the interview request at the SMTP server", 5_000);
      expect(Date.now() - committed).toBeLessThan(5_000);
    } finally {
      off();
    }
    expect(nudges).toEqual([{ topic: "outbox", callbackDone: true }]);
    expect(sink.messages[0].envelopeTo).toEqual(["nudge@test.example"]);
  });

  it("nudges nobody when the transaction rolls back, nor for a rolled-back savepoint", async () => {
    const nudges: NudgeTopic[] = [];
    const off = onNudge((topic) => nudges.push(topic));
    try {
      await expect(
        transaction(t.db, async (tx) => {
          expect(await queueInterviewRequest(tx, { participantId: person, number: 1 }, new Date())).toBe(true);
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect(nudges).toEqual([]);

      // A savepoint that rolls back drops its nudge; the outer transaction's own one fires once.
      await transaction(t.db, async (tx) => {
        await expect(
          transaction(tx, async (sp) => {
            await queueInterviewRequest(sp, { participantId: person, number: 2 }, new Date());
            throw new Error("savepoint only");
          }),
        ).rejects.toThrow("savepoint only");
        expect(await queueInterviewRequest(tx, { participantId: person, number: 3 }, new Date())).toBe(true);
        expect(nudges).toEqual([]);
      });
      expect(nudges).toEqual(["outbox"]);
    } finally {
      off();
    }
    const rows = await executeRows<{ key: string }>(t.db, sql`select idempotency_key as key from outbox where participant_id = ${person} order by 1`);
    expect(rows.map((r) => r.key)).toEqual([`interview:${person}:0`, `interview:${person}:3`]);
  });
});
