// A drain run ends at its deadline even in the middle of a batch (the rest goes back to pending,
// due at once), so a send-outbox job always finishes well within its pg-boss expiry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { outbox } from "../../../db/schema";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport } from "../../../lib/mail/transport";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, mailSettings, seedStudy } from "../mail/helpers/panel";
import { startSmtpSink, type SmtpSink } from "../mail/helpers/smtp-sink";

let t: TestDb;
let sink: SmtpSink;
beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await t?.drop();
});

describe("a drain run's deadline", () => {
  it("stops starting messages at the deadline, gives the rest back due now, and says it was not an outage", async () => {
    const { study, versionId } = await seedStudy(t.db);
    await addPeople(t.db, study.id, Array.from({ length: 30 }, (_, i) => ({ email: `d${i}@test.example` })));
    const now = new Date();
    const wave = await addPanelWave(t.db, study.id, versionId, { opensAt: new Date(now.getTime() - 60_000), closesAt: new Date(now.getTime() + 86400_000) });
    await reconcileWaves(t.db, now, { personalDataKey: testKey, waveId: wave.id });
    const transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 2 });
    try {
      // 10 messages a second and one second of budget: one batch of 30 cannot finish in time.
      const started = new Date();
      const stats = await drainOutbox(t.db, transport, { ...mailSettings, ratePerSecond: 10, deadline: new Date(started.getTime() + 1000) });
      expect(stats).toMatchObject({ drained: false, outage: false });
      expect(stats.sent).toBeGreaterThan(0);
      expect(stats.sent + stats.released).toBe(30);
      expect(stats.released).toBeGreaterThan(0);
      const rows = await t.db.select().from(outbox).where(eq(outbox.waveId, wave.id));
      const back = rows.filter((r) => r.status === "pending");
      expect(back).toHaveLength(stats.released);
      expect(back.every((r) => r.nextAttemptAt.getTime() <= Date.now() && r.attempts === 0)).toBe(true);
      expect(sink.messages).toHaveLength(stats.sent);
    } finally {
      await transport.close();
    }
  });
});
