// Bounces over real SMTP on both sides: the outbox sends through nodemailer to a sink with each
// message's VERP return path; reports sent over SMTP to the bounce listener (smtp-server) mark the
// address bounced and stop the next mail; bad reports are logged and dropped; the listener refuses
// other domains and oversize messages; a refusal while sending lands in the same table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTransport, type Transporter } from "nodemailer";
import { contactPoints, contacts, invitations, mailBounces, outbox } from "../../../db/schema";
import { emailHash } from "../../../lib/crypto/personal-data";
import { contactConfirmationToken } from "../../../lib/crypto/tokens";
import { confirmContactPoint, saveMyDetails } from "../../../lib/panel/my-details";
import { startBounceListener, type BounceListener } from "../../../lib/mail/bounces/bounce-listener";
import type { DsnOutcome } from "../../../lib/mail/bounces/handle-dsn";
import { verpAddress } from "../../../lib/mail/bounces/verp";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { DSN_STYLES, MALFORMED } from "../../fixtures/dsn";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, at, mailSettings, seedStudy } from "./helpers/panel";
import { startSmtpSink, type SmtpSink } from "./helpers/smtp-sink";

const DOMAIN = "bounces.panel.example.org";
const settings = { ...mailSettings, bounceDomain: DOMAIN };

let t: TestDb;
let sink: SmtpSink;
let transport: MailTransport;
let listener: BounceListener;
let reporter: Transporter;
const logged: Record<string, unknown>[] = [];
const outcomes: DsnOutcome[] = [];

beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 2 });
  listener = await startBounceListener({
    db: t.db, key: testKey, domain: DOMAIN, port: 0, host: "127.0.0.1", maxBytes: 64 * 1024,
    log: (e) => logged.push(e), onOutcome: (o) => outcomes.push(o), clock: () => at(1),
  });
  reporter = createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true, pool: false });
});
afterAll(async () => {
  reporter?.close();
  await listener?.close();
  await transport?.close();
  await sink?.close();
  await t?.drop();
});

/** Sends a report over SMTP the way a mail server does: MAIL FROM:<>, RCPT TO the VERP address. */
async function report(to: string, raw: string): Promise<DsnOutcome> {
  const before = outcomes.length;
  await reporter.sendMail({ envelope: { from: "", to: [to] }, raw });
  expect(outcomes.length).toBe(before + 1);
  return outcomes[outcomes.length - 1];
}

async function sendWaveDay(day: number) {
  await reconcileWaves(t.db, at(day), { personalDataKey: testKey });
  return drainOutbox(t.db, transport, { ...settings, clock: () => at(day) });
}

function returnPathOf(email: string, nth = -1): string {
  const msgs = sink.messages.filter((m) => m.envelopeTo[0] === email);
  return msgs.at(nth)!.envelopeFrom!;
}

describe("bounce reports over SMTP", () => {
  it("a hard bounce to a message's VERP address marks the address bounced and stops the next mail", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [gone, stays] = await addPeople(t.db, study.id, [{ email: "gone@test.example" }, { email: "stays@test.example" }]);
    const wave = await addPanelWave(t.db, study.id, versionId);
    expect((await sendWaveDay(0)).sent).toBe(2);

    const rp = returnPathOf("gone@test.example");
    const [msg] = await t.db.select().from(outbox).where(and(eq(outbox.participantId, gone), eq(outbox.kind, "invitation")));
    expect(rp).toBe(verpAddress(testKey, msg.id, DOMAIN));
    expect(returnPathOf("stays@test.example")).not.toBe(rp);

    expect(await report(rp, DSN_STYLES.postfix({ to: rp, rcpt: "gone@test.example", hard: true }))).toBe("hard");

    const rows = await t.db.select().from(mailBounces).where(eq(mailBounces.participantId, gone));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outboxId: msg.id, studyId: study.id, waveId: wave.id, hard: true, source: "dsn", action: "failed", status: "5.1.1" });
    expect(rows[0].diagnostic).toContain("<address>");
    expect(JSON.stringify(rows[0])).not.toContain("gone@test.example");
    const [c] = await t.db.select().from(contacts).where(eq(contacts.participantId, gone));
    expect(c.bouncedAt).not.toBeNull();
    expect(rows[0].emailHash).toBe(c.emailHash);
    expect((await t.db.select().from(outbox).where(eq(outbox.id, msg.id)))[0].status).toBe("bounced");
    expect((await t.db.select().from(invitations).where(eq(invitations.participantId, gone)))[0].status).toBe("bounced");

    // The first reminder (day 4) goes to the other person only.
    const before = sink.messages.length;
    await sendWaveDay(5);
    const reminders = sink.messages.slice(before).map((m) => m.envelopeTo[0]);
    expect(reminders).toEqual(["stays@test.example"]);
    expect(stays).toBeTruthy();
    expect(logged).toContainEqual(expect.objectContaining({ event: "bounce.applied", outboxId: msg.id, hard: true, contactBounced: true }));
  });

  it("a hard bounce of the main address sends the next mail to the person's confirmed second address", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "first@test.example" }]);
    // The person adds a second address on My details and confirms it through the link sent to it.
    expect(await saveMyDetails(t.db, { personalDataKey: testKey }, p, { email2: "second@test.example" }, at(-2))).toMatchObject({ ok: true });
    const [confirmation] = await t.db.select().from(outbox).where(and(eq(outbox.participantId, p), eq(outbox.template, "contact-confirmation")));
    expect(await confirmContactPoint(t.db, contactConfirmationToken(testKey, String(confirmation.data.tokenId)), at(-2))).toMatchObject({ participantId: p });
    await drainOutbox(t.db, transport, { ...settings, clock: () => at(-2) });

    await addPanelWave(t.db, study.id, versionId);
    await sendWaveDay(0);
    const rp = returnPathOf("first@test.example");
    expect(await report(rp, DSN_STYLES.postfix({ to: rp, rcpt: "first@test.example", hard: true }))).toBe("hard");

    const points = await t.db.select().from(contactPoints).where(eq(contactPoints.participantId, p));
    expect(points.find((x) => x.valueHash === emailHash(testKey, "first@test.example"))?.state).toBe("bounced");
    const [c] = await t.db.select().from(contacts).where(eq(contacts.participantId, p));
    expect(c).toMatchObject({ emailHash: emailHash(testKey, "second@test.example"), bouncedAt: null });
    // The first reminder (day 4) goes to the second address only.
    const before = sink.messages.length;
    await sendWaveDay(5);
    expect(sink.messages.slice(before).map((m) => m.envelopeTo[0])).toEqual(["second@test.example"]);
  });

  it("three soft bounces of three messages mark the address bounced; a repeated report counts once", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "full@test.example" }]);
    await addPanelWave(t.db, study.id, versionId);
    const bounced = async () => (await t.db.select().from(contacts).where(eq(contacts.participantId, p)))[0].bouncedAt;

    await sendWaveDay(0);
    const rp1 = returnPathOf("full@test.example");
    expect(await report(rp1, DSN_STYLES.gmail({ to: rp1, rcpt: "full@test.example", hard: false }))).toBe("soft");
    expect(await report(rp1, DSN_STYLES.gmail({ to: rp1, rcpt: "full@test.example", hard: false }))).toBe("duplicate");
    await sendWaveDay(5);
    const rp2 = returnPathOf("full@test.example");
    expect(rp2).not.toBe(rp1);
    expect(await report(rp2, DSN_STYLES.exim({ to: rp2, rcpt: "full@test.example", hard: false }))).toBe("soft");
    expect(await bounced()).toBeNull();
    await sendWaveDay(11);
    const rp3 = returnPathOf("full@test.example");
    expect(await report(rp3, DSN_STYLES.microsoft({ to: rp3, rcpt: "full@test.example", hard: false }))).toBe("soft");
    expect(await bounced()).not.toBeNull();

    const rows = await t.db.select().from(mailBounces).where(eq(mailBounces.participantId, p));
    expect(rows.map((r) => [r.hard, r.action]).sort()).toEqual([[false, "delayed"], [false, "delayed"], [false, "delayed"]]);
    // The closing reminder (two days before day 30) is not sent.
    const before = sink.messages.filter((m) => m.envelopeTo[0] === "full@test.example").length;
    await sendWaveDay(29);
    expect(sink.messages.filter((m) => m.envelopeTo[0] === "full@test.example").length).toBe(before);
  });

  it("a malformed report and an auto-reply to a valid VERP address are logged and change nothing", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "fine@test.example" }]);
    await addPanelWave(t.db, study.id, versionId);
    await sendWaveDay(0);
    const rp = returnPathOf("fine@test.example");
    for (const make of [MALFORMED.truncated, MALFORMED.noBoundary, MALFORMED.autoReply, MALFORMED.binaryJunk]) {
      expect(await report(rp, make(rp))).toBe("not_a_report");
    }
    expect(logged.filter((e) => e.event === "bounce.ignored" && e.reason === "not_a_report").length).toBeGreaterThanOrEqual(4);
    expect(await t.db.select().from(mailBounces).where(eq(mailBounces.participantId, p))).toEqual([]);
    expect((await t.db.select().from(contacts).where(eq(contacts.participantId, p)))[0].bouncedAt).toBeNull();
  });

  it("a report for a forged or unknown VERP address is logged and changes nothing", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "target@test.example" }]);
    await addPanelWave(t.db, study.id, versionId);
    await sendWaveDay(0);
    const rp = returnPathOf("target@test.example");
    const forged = rp.replace(/-[0-9a-f]{16}@/, "-0000000000000000@");
    expect(await report(forged, DSN_STYLES.postfix({ to: forged, rcpt: "target@test.example", hard: true }))).toBe("unknown_address");
    const unknown = verpAddress(testKey, 987654321, DOMAIN);
    expect(await report(unknown, DSN_STYLES.postfix({ to: unknown, rcpt: "x@test.example", hard: true }))).toBe("unknown_message");
    expect(logged).toContainEqual(expect.objectContaining({ event: "bounce.ignored", reason: "unknown_address" }));
    expect(logged).toContainEqual(expect.objectContaining({ event: "bounce.ignored", reason: "unknown_message", outboxId: 987654321 }));
    expect(await t.db.select().from(mailBounces).where(eq(mailBounces.participantId, p))).toEqual([]);
    expect((await t.db.select().from(contacts).where(eq(contacts.participantId, p)))[0].bouncedAt).toBeNull();
  });

  it("refuses recipients on other domains at RCPT TO and messages over the size limit", async () => {
    await expect(reporter.sendMail({ envelope: { from: "", to: ["postmaster@panel.example.org"] }, raw: "Subject: x\r\n\r\nx\r\n" })).rejects.toMatchObject({ responseCode: 550 });
    const big = `Subject: big\r\n\r\n${"x".repeat(100 * 1024)}\r\n`;
    const to = verpAddress(testKey, 1, DOMAIN);
    await expect(reporter.sendMail({ envelope: { from: "", to: [to] }, raw: big })).rejects.toMatchObject({ responseCode: 552 });
    expect(logged).toContainEqual(expect.objectContaining({ event: "bounce.refused", reason: "size" }));
    // Still answering after both.
    expect(await report(to, MALFORMED.autoReply(to))).toBeDefined();
  });

  it("refuses a client over its rate with 451 and takes it again in the next minute", async () => {
    let now = at(1);
    const limited = await startBounceListener({ db: t.db, key: testKey, domain: DOMAIN, port: 0, host: "127.0.0.1", ratePerMinute: 2, log: (e) => logged.push(e), clock: () => now });
    const client = createTransport({ host: "127.0.0.1", port: limited.port, secure: false, ignoreTLS: true });
    try {
      const to = verpAddress(testKey, 1, DOMAIN);
      const send = () => client.sendMail({ envelope: { from: "", to: [to] }, raw: MALFORMED.autoReply(to) });
      await send();
      await send();
      await expect(send()).rejects.toMatchObject({ responseCode: 451 });
      expect(logged).toContainEqual(expect.objectContaining({ event: "bounce.refused", reason: "rate" }));
      now = new Date(now.getTime() + 61_000);
      await expect(send()).resolves.toBeDefined();
    } finally {
      client.close();
      await limited.close();
    }
  });

  it("a refusal while sending is recorded in mail_bounces like a report", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "refused@test.example" }]);
    await addPanelWave(t.db, study.id, versionId);
    sink.rcptFault = (a) => (a === "refused@test.example" ? { code: 550, message: "5.1.1 <refused@test.example>: User unknown" } : null);
    try {
      expect((await sendWaveDay(0)).bounced).toBe(1);
    } finally {
      sink.rcptFault = () => null;
    }
    const rows = await t.db.select().from(mailBounces).where(eq(mailBounces.participantId, p));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hard: true, source: "smtp", action: "failed", status: "5.1.1" });
    expect(rows[0].diagnostic).not.toContain("refused@test.example");
    expect((await t.db.select().from(contacts).where(eq(contacts.participantId, p)))[0].bouncedAt).toEqual(at(0));
  });
});

