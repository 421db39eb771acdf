// The drain claims its next batch while the last messages of a full batch are being sent (issue 15).
// Against a real SMTP server: every message goes once across batches; and when the server stops
// taking mail (421) with a batch already claimed ahead, that batch goes back untouched: nothing is
// left 'sending' for its lease to run out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { outbox } from "../../../db/schema";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport } from "../../../lib/mail/transport";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, at, mailSettings, seedStudy } from "./helpers/panel";
import { startSmtpSink, type SmtpSink } from "./helpers/smtp-sink";

let t: TestDb;
const open: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  for (const o of [...open].reverse()) await o.close().catch(() => {});
  await t?.drop();
});

async function invitedPanel(n: number, when: Date) {
  const { study, versionId } = await seedStudy(t.db);
  await addPeople(t.db, study.id, Array.from({ length: n }, (_, i) => ({ email: `p${i}-${study.slug}@test.example` })));
  const wave = await addPanelWave(t.db, study.id, versionId, { opensAt: when, closesAt: at(60, when) });
  await reconcileWaves(t.db, when, { personalDataKey: testKey, waveId: wave.id });
  return wave;
}

async function sinkAndTransport() {
  const sink: SmtpSink = await startSmtpSink();
  // One connection: four lanes (the transport's concurrency), so a batch of four is taken at once.
  const transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 1 });
  open.unshift(sink);
  open.push(transport);
  return { sink, transport };
}

const rowsOf = (waveId: string) => t.db.select().from(outbox).where(eq(outbox.waveId, waveId)).orderBy(outbox.id);

describe("the outbox drain claiming ahead", () => {
  it("sends every message once across batches", async () => {
    const when = at(200);
    const wave = await invitedPanel(13, when);
    const { sink, transport } = await sinkAndTransport();
    const stats = await drainOutbox(t.db, transport, { ...mailSettings, batchSize: 4, clock: () => when });
    expect(stats).toMatchObject({ sent: 13, released: 0, drained: true, outage: false });
    expect([...sink.accepted.values()]).toEqual(Array(13).fill(1));
    expect((await rowsOf(wave.id)).map((r) => r.status)).toEqual(Array(13).fill("sent"));
  });

  it("gives a batch claimed ahead back untouched when the server stops taking mail", async () => {
    const when = at(300);
    const wave = await invitedPanel(12, when);
    const { sink, transport } = await sinkAndTransport();
    let seen = 0;
    sink.dataFault = () => (++seen > 4 ? { code: 421, message: "4.3.2 Service shutting down" } : null);
    const stats = await drainOutbox(t.db, transport, { ...mailSettings, batchSize: 4, clock: () => when });
    expect(stats).toMatchObject({ sent: 4, outage: true, drained: false });
    const rows = await rowsOf(wave.id);
    expect(rows.filter((r) => r.status === "sending")).toEqual([]);
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(4);
    // The second batch was tried (one attempt each, refused); the third, claimed ahead, never was.
    const waiting = rows.filter((r) => r.status === "pending");
    expect(waiting.map((r) => r.attempts).sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(stats.released).toBe(waiting.filter((r) => r.attempts === 0).length);
    expect(waiting.every((r) => r.nextAttemptAt > when && r.lockedUntil === null)).toBe(true);
  });
});
