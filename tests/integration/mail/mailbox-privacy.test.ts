// The local mailbox (no SMTP server) holds no address or working personal link in plain text:
// they are sealed like contacts, opened only for an admin's (audited) view, and every message is
// deleted after the retention period by the reconcile job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { auditLog, mailbox, outbox, users } from "../../../db/schema";
import { DEFAULT_MAILBOX_RETENTION_DAYS, loadConfig } from "../../../lib/config/load-config";
import { reconcileJob, type JobContext } from "../../../lib/jobs/jobs";
import { listMailbox, readMailboxMessage } from "../../../lib/mail/read-mailbox";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { tidyMailbox } from "../../../lib/mail/tidy-mailbox";
import { createMailTransport } from "../../../lib/mail/transport";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, at, mailSettings, seedStudy } from "./helpers/panel";

let t: TestDb;
const admin = { id: "u-mailbox-admin", email: "mailbox-admin@example.org", name: "Admin", role: "admin" as const };
const EMAIL = "olena.private@test.example";

beforeAll(async () => {
  t = await createTestDb();
  await t.db.insert(users).values({ ...admin, emailVerified: true });
});
afterAll(async () => {
  await t?.drop();
});

/** Everything stored for a mailbox row, as one string, to search for what must not be there. */
const stored = async (id: number) => JSON.stringify((await executeRows(t.db, sql`select * from mailbox where id = ${id}`))[0]);

async function deliverInvitation() {
  const { study, versionId } = await seedStudy(t.db);
  const [p] = await addPeople(t.db, study.id, [{ email: EMAIL, language: "en" }]);
  await addPanelWave(t.db, study.id, versionId, { opensAt: at(60) });
  await reconcileWaves(t.db, at(60), { personalDataKey: testKey });
  await drainOutbox(t.db, createMailTransport(t.db, { personalDataKey: testKey }), { ...mailSettings, clock: () => at(60) });
  const [row] = await t.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.participantId, p));
  const [m] = await t.db.select().from(mailbox).where(eq(mailbox.outboxId, row.id));
  return m;
}

describe("the local mailbox", () => {
  it("stores no recipient address, personal link or unsubscribe link in plain text", async () => {
    const m = await deliverInvitation();
    const opened = await readMailboxMessage(t.db, testKey, admin, m.id, new Date());
    const link = /https:\/\/panel\.example\.org\/s\/[A-Za-z0-9_-]+/.exec(opened.text)?.[0];
    const unsubscribe = opened.headers["List-Unsubscribe"];
    expect(opened.toAddress).toBe(EMAIL);
    expect(link).toBeDefined();
    expect(unsubscribe).toMatch(/\/u\/[A-Za-z0-9_-]{43}/);

    const raw = await stored(m.id);
    expect(raw).not.toContain(EMAIL);
    expect(raw).not.toContain("olena.private");
    expect(raw).not.toContain(link!.split("/s/")[1]);
    expect(raw).not.toContain(/\/u\/([A-Za-z0-9_-]{43})/.exec(unsubscribe)![1]);
    expect(raw).not.toContain("/s/");
    // Sender and subject stay readable for the list.
    expect(m.subject).toBe(opened.subject);
  });

  it("opens addresses for the admin's list and message view, each view audited", async () => {
    const m = await deliverInvitation();
    const list = await listMailbox(t.db, testKey, admin, 1, new Date());
    expect(list.messages.find((x) => x.id === m.id)?.toAddress).toBe(EMAIL);
    expect((await readMailboxMessage(t.db, testKey, admin, m.id, new Date())).html).toContain("/s/");
    // Under another key (PERSONAL_DATA_KEY changed) the page still opens, without the address.
    expect((await readMailboxMessage(t.db, Buffer.alloc(32, 9), admin, m.id, new Date())).toAddress).toBe("(sealed with another key)");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.userId, admin.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["mailbox.list", "mailbox.view"]));
  });

  it("deletes messages older than the retention period in the reconcile job, and only those", async () => {
    const old = await deliverInvitation();
    const recent = await deliverInvitation();
    await executeRows(t.db, sql`update mailbox set created_at = now() - interval '31 days' where id = ${old.id}`);
    await executeRows(t.db, sql`update mailbox set created_at = now() - interval '29 days' where id = ${recent.id}`);
    const ctx: JobContext = {
      db: t.db, transport: createMailTransport(t.db, { personalDataKey: testKey }), clock: () => new Date(),
      drain: { ...mailSettings, ratePerSecond: null }, mailboxRetentionDays: 30,
    };
    const stats = await reconcileJob.handler(ctx);
    expect(stats.mailbox.deleted).toBeGreaterThanOrEqual(1);
    const left = (await t.db.select({ id: mailbox.id }).from(mailbox)).map((r) => r.id);
    expect(left).not.toContain(old.id);
    expect(left).toContain(recent.id);
    expect((await reconcileJob.handler(ctx)).mailbox.deleted).toBe(0);
  });

  it("seals messages an earlier version stored in plain text, once", async () => {
    const [legacy] = await t.db.insert(mailbox).values({
      outboxId: null, toAddress: "legacy.person@test.example", fromAddress: "Panelwave <no-reply@x>", subject: "Old",
      html: "<p>https://panel.example.org/s/LEGACYTOKENLEGACYTOKEN</p>", text: "https://panel.example.org/s/LEGACYTOKENLEGACYTOKEN",
      headers: { "List-Unsubscribe": "<https://panel.example.org/u/LEGACY>" },
    }).returning();
    await executeRows(t.db, sql`delete from meta where key = 'mailbox.sealed-v1'`);
    expect((await tidyMailbox(t.db, testKey, new Date(), 30)).sealed).toBeGreaterThanOrEqual(1);
    const raw = await stored(legacy.id);
    expect(raw).not.toContain("legacy.person");
    expect(raw).not.toContain("LEGACYTOKEN");
    const opened = await readMailboxMessage(t.db, testKey, admin, legacy.id, new Date());
    expect(opened).toMatchObject({ toAddress: "legacy.person@test.example", text: "https://panel.example.org/s/LEGACYTOKENLEGACYTOKEN" });
    expect(opened.headers["List-Unsubscribe"]).toBe("<https://panel.example.org/u/LEGACY>");
    expect((await tidyMailbox(t.db, testKey, new Date(), 30)).sealed).toBe(0);
  });

  it("reads the retention period from MAILBOX_RETENTION_DAYS, naming the setting when it is wrong", () => {
    const env = { PERSONAL_DATA_KEY: testKey.toString("base64") };
    expect(loadConfig(env).mailboxRetentionDays).toBe(DEFAULT_MAILBOX_RETENTION_DAYS);
    expect(DEFAULT_MAILBOX_RETENTION_DAYS).toBe(30);
    expect(loadConfig({ ...env, MAILBOX_RETENTION_DAYS: "7" }).mailboxRetentionDays).toBe(7);
    for (const bad of ["0", "-1", "1.5", "thirty", "4000"]) {
      expect(() => loadConfig({ ...env, MAILBOX_RETENTION_DAYS: bad }), bad).toThrow(/MAILBOX_RETENTION_DAYS/);
    }
  });

  it("refuses to start a local mailbox without the key that seals it", () => {
    expect(() => createMailTransport(t.db, {})).toThrow(/personal-data key/);
  });
});
