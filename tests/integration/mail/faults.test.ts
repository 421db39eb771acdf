// Fault tests of the outbox against a real SMTP server: the server down then up, temporary and
// permanent refusals, a worker killed mid-batch, two workers draining at once, and the batch
// claimed ahead (issue 15) when the server stops taking mail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { claimDueOutbox, countOutboxByStatus, loadDeliveryContext } from "../../../db/queries/outbox";
import { contacts, invitations, outbox } from "../../../db/schema";
import { buildMessage } from "../../../lib/mail/build-message";
import { queueInterviewRequest } from "../../../lib/mail/queue-mail";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { openServerDb, type DbHandle } from "../../../db/client";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, at, mailSettings, seedStudy } from "./helpers/panel";
import { freePort, startSmtpSink, type SmtpSink } from "./helpers/smtp-sink";

let t: TestDb;
const open: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  // Clients first, so the servers have no open connections to wait for.
  for (const o of [...open].reverse()) await o.close().catch(() => {});
  await t?.drop();
});

async function sinkAndTransport(port = 0): Promise<{ sink: SmtpSink; transport: MailTransport }> {
  const sink = await startSmtpSink(port);
  const transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 3 });
  open.unshift(sink);
  open.push(transport);
  return { sink, transport };
}

/** A fresh study with n invited people whose invitation emails are due at `when`. */
async function invitedPanel(n: number, when: Date, extra: Parameters<typeof addPeople>[2] = []) {
  const { study, versionId } = await seedStudy(t.db);
  const ids = await addPeople(t.db, study.id, [...Array.from({ length: n }, (_, i) => ({ email: `p${i}-${study.slug}@test.example` })), ...extra]);
  const wave = await addPanelWave(t.db, study.id, versionId, { opensAt: when, closesAt: at(60, when) });
  await reconcileWaves(t.db, when, { personalDataKey: testKey, waveId: wave.id });
  return { study, wave, ids };
}

function countByRecipient(sink: SmtpSink): Map<string, number> {
  const m = new Map<string, number>();
  for (const msg of sink.messages) for (const to of msg.envelopeTo) m.set(to, (m.get(to) ?? 0) + 1);
  return m;
}

describe("outbox faults", () => {
  it("keeps mail while the SMTP server is down (connection refused) and delivers it once when it is back", async () => {
    const when = at(100);
    const { wave } = await invitedPanel(5, when);
    const port = await freePort();
    const transport = createMailTransport(t.db, { smtpUrl: `smtp://127.0.0.1:${port}`, ignoreTLS: true, maxConnections: 2 });
    open.push(transport);

    const down = await drainOutbox(t.db, transport, { ...mailSettings, clock: () => when });
    expect(down.sent).toBe(0);
    expect(down.retried).toBeGreaterThanOrEqual(1);
    expect(down.retried + down.released).toBe(5);
    const rows = await t.db.select().from(outbox).where(eq(outbox.waveId, wave.id));
    expect(rows.every((r) => r.status === "pending" && r.nextAttemptAt > when)).toBe(true);
    expect(rows.some((r) => /ECONN|ESOCKET|refused/i.test(r.lastError ?? ""))).toBe(true);

    const sink = await startSmtpSink(port);
    open.unshift(sink);
    // Not yet due: the backoff holds the mail back.
    expect((await drainOutbox(t.db, transport, { ...mailSettings, clock: () => when })).sent).toBe(0);
    const later = new Date(when.getTime() + 10 * 60_000);
    expect((await drainOutbox(t.db, transport, { ...mailSettings, clock: () => later })).sent).toBe(5);
    expect(sink.messages).toHaveLength(5);
    expect([...countByRecipient(sink).values()].every((n) => n === 1)).toBe(true);
  });

  it("retries a temporary 4xx refusal with backoff and then delivers", async () => {
    const when = at(200);
    const { sink, transport } = await sinkAndTransport();
    const { study, wave } = await invitedPanel(3, when);
    const target = `p1-${study.slug}@test.example`;
    let refusals = 0;
    sink.rcptFault = (a) => (a === target && refusals++ < 2 ? { code: 451, message: "4.3.0 Try again later" } : null);

    const first = await drainOutbox(t.db, transport, { ...mailSettings, clock: () => when });
    expect(first).toMatchObject({ sent: 2, retried: 1 });
    const [row] = await t.db.select().from(outbox).where(and(eq(outbox.waveId, wave.id), eq(outbox.status, "pending")));
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt.getTime()).toBe(when.getTime() + 60_000);
    expect(row.lastError).toContain("451");

    const second = await drainOutbox(t.db, transport, { ...mailSettings, clock: () => new Date(when.getTime() + 60_000) });
    expect(second).toMatchObject({ sent: 0, retried: 1 });
    const [again] = await t.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(again.nextAttemptAt.getTime()).toBe(when.getTime() + 60_000 + 120_000);

    const third = await drainOutbox(t.db, transport, { ...mailSettings, clock: () => new Date(when.getTime() + 180_000) });
    expect(third.sent).toBe(1);
    expect(countByRecipient(sink).get(target)).toBe(1);
    expect(sink.messages).toHaveLength(3);
  });

  it("marks the contact bounced on a permanent 5xx, cancels the person's other mail and sends them nothing more", async () => {
    const when = at(300);
    const { sink, transport } = await sinkAndTransport();
    const { study, wave, ids } = await invitedPanel(3, when);
    const target = `p0-${study.slug}@test.example`;
    sink.rcptFault = (a) => (a === target ? { code: 550, message: "5.1.1 No such user" } : null);
    // Another message to the same person, waiting for later.
    await t.db.insert(outbox).values({
      studyId: study.id, participantId: ids[0], kind: "interview_request", template: "interview-request", language: "uk",
      data: {}, idempotencyKey: `later:${ids[0]}`, nextAttemptAt: at(5, when),
    });

    const stats = await drainOutbox(t.db, transport, { ...mailSettings, clock: () => when });
    expect(stats).toMatchObject({ sent: 2, bounced: 1 });
    const [c] = await t.db.select().from(contacts).where(eq(contacts.participantId, ids[0]));
    expect(c.bouncedAt).not.toBeNull();
    const [inv] = await t.db.select().from(invitations).where(and(eq(invitations.waveId, wave.id), eq(invitations.participantId, ids[0])));
    expect(inv.status).toBe("bounced");
    const [later] = await t.db.select().from(outbox).where(eq(outbox.idempotencyKey, `later:${ids[0]}`));
    expect(later.status).toBe("cancelled");

    // Reminders and new requests do not reach a bounced address.
    await reconcileWaves(t.db, at(20, when), { personalDataKey: testKey, waveId: wave.id });
    expect(await queueInterviewRequest(t.db, { participantId: ids[0], number: 1 }, at(20, when))).toBe(true);
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => at(21, when) });
    expect(countByRecipient(sink).get(target)).toBeUndefined();
    expect(sink.messages.filter((m) => m.subject.includes("Нагадування"))).toHaveLength(2);
  });

  it("re-sends the messages of a worker killed mid-batch once their lease expires, and nothing sooner", async () => {
    const when = at(400);
    const { sink, transport } = await sinkAndTransport();
    const { wave } = await invitedPanel(6, when);
    // Worker A claims the whole batch, hands one message to the SMTP server, and dies.
    const claimed = await claimDueOutbox(t.db, { now: when, leaseUntil: new Date(when.getTime() + 5 * 60_000), limit: 100 });
    expect(claimed).toHaveLength(6);
    const ctx = await loadDeliveryContext(t.db, [claimed[0].id]);
    const first = buildMessage(mailSettings, claimed[0], ctx.get(claimed[0].id)!);
    await transport.send(first);

    // Worker B, before the lease runs out: the rows are not its to take.
    const early = await drainOutbox(t.db, transport, { ...mailSettings, clock: () => new Date(when.getTime() + 4 * 60_000) });
    expect(early.sent + early.reclaimed).toBe(0);
    expect((await countOutboxByStatus(t.db, { waveId: wave.id })).sending).toBe(6);

    // After it: every row is reclaimed and sent.
    const late = await drainOutbox(t.db, transport, { ...mailSettings, clock: () => new Date(when.getTime() + 6 * 60_000) });
    expect(late).toMatchObject({ reclaimed: 6, sent: 6 });
    expect(await countOutboxByStatus(t.db, { waveId: wave.id })).toEqual({ sent: 6 });
    // Nobody is skipped; the one message accepted before the crash arrives twice (at least once),
    // with the same Message-ID, which lets receiving systems fold the copies.
    const counts = countByRecipient(sink);
    expect(counts.size).toBe(6);
    expect(counts.get(first.to)).toBe(2);
    expect([...counts.entries()].filter(([to]) => to !== first.to).every(([, n]) => n === 1)).toBe(true);
    const ids = sink.messages.filter((m) => m.envelopeTo[0] === first.to).map((m) => m.headers.get("message-id"));
    expect(ids[0]).toBe(ids[1]);
  });

  it("lets two workers drain the same outbox at once with no duplicates and nothing skipped", async () => {
    const when = at(500);
    const { sink, transport } = await sinkAndTransport();
    const transport2 = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 3 });
    open.push(transport2);
    const { wave } = await invitedPanel(240, when);
    // On the server each worker has its own connection pool, as two processes would.
    let db2 = t.db;
    if (process.env.TEST_DATABASE_URL) {
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${t.name}`;
      const h: DbHandle = await openServerDb(url.toString(), { max: 4 });
      open.push(h);
      db2 = h.db;
    }
    const [a, b] = await Promise.all([
      drainOutbox(t.db, transport, { ...mailSettings, batchSize: 15, clock: () => when }),
      drainOutbox(db2, transport2, { ...mailSettings, batchSize: 15, clock: () => when }),
    ]);
    expect(a.sent + b.sent).toBe(240);
    const counts = countByRecipient(sink);
    expect(counts.size).toBe(240);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await countOutboxByStatus(t.db, { waveId: wave.id })).toEqual({ sent: 240 });
    const [{ n }] = await executeRows<{ n: unknown }>(t.db, sql`select count(distinct provider_message_id) as n from outbox where wave_id = ${wave.id}`);
    expect(Number(n)).toBe(240);
  });
});

// The drain claims its next batch while the last messages of a full batch are being sent (issue 15).
describe("the outbox drain claiming ahead", () => {
  const rowsOf = (waveId: string) => t.db.select().from(outbox).where(eq(outbox.waveId, waveId)).orderBy(outbox.id);

  it("sends every message once across batches", async () => {
    const when = at(200);
    const { wave } = await invitedPanel(13, when);
    const { sink, transport } = await sinkAndTransport();
    const stats = await drainOutbox(t.db, transport, { ...mailSettings, batchSize: 4, clock: () => when });
    expect(stats).toMatchObject({ sent: 13, released: 0, drained: true, outage: false });
    expect([...countByRecipient(sink).values()]).toEqual(Array(13).fill(1));
    expect((await rowsOf(wave.id)).map((r) => r.status)).toEqual(Array(13).fill("sent"));
  });

  it("gives a batch claimed ahead back untouched when the server stops taking mail", async () => {
    const when = at(300);
    const { wave } = await invitedPanel(12, when);
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
