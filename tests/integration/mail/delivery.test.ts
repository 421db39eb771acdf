// Invitations go from the outbox through nodemailer's pooled SMTP transport to a real SMTP
// server: the right people, in their language, with the one-click opt-out headers and a personal
// link that belongs to their invitation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { invitations } from "../../../db/schema";
import { countOutboxByStatus } from "../../../db/queries/outbox";
import { hashToken } from "../../../lib/crypto/tokens";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { verifyUnsubscribeToken } from "../../../lib/mail/unsubscribe-token";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, at, mailSettings, seedStudy, T0 } from "./helpers/panel";
import { startSmtpSink, type SmtpSink } from "./helpers/smtp-sink";

let t: TestDb;
let sink: SmtpSink;
let transport: MailTransport;

beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 3 });
});
afterAll(async () => {
  await transport?.close();
  await sink?.close();
  await t?.drop();
});

describe("delivery over SMTP", () => {
  it("sends each consenting participant one invitation in their language, with List-Unsubscribe and a link to their own invitation", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const people = [
      { email: "olena@test.example", language: "uk" },
      { email: "ivan@test.example", language: "ru" },
      { email: "kari@test.example", language: "nb" },
      { email: "jo@test.example", language: "en" },
      { email: "said-no@test.example", consent: [false] },
    ];
    const ids = await addPeople(t.db, study.id, people);
    const wave = await addPanelWave(t.db, study.id, versionId);

    const rec = await reconcileWaves(t.db, at(0, T0), { personalDataKey: testKey });
    expect(rec).toMatchObject({ opened: 1, invited: 4 });
    const stats = await drainOutbox(t.db, transport, { ...mailSettings, clock: () => at(0) });
    expect(stats.sent).toBe(4);

    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(["ivan@test.example", "jo@test.example", "kari@test.example", "olena@test.example"]);
    const byTo = new Map(sink.messages.map((m) => [m.envelopeTo[0], m]));
    expect(byTo.get("olena@test.example")!.subject).toContain("нове опитування");
    expect(byTo.get("ivan@test.example")!.subject).toContain("новый опрос");
    expect(byTo.get("kari@test.example")!.subject).toContain("ny undersøkelse");
    expect(byTo.get("jo@test.example")!.subject).toContain("a new survey");

    for (const [i, p] of people.slice(0, 4).entries()) {
      const m = byTo.get(p.email)!;
      expect(m.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      const unsub = /^<(https:\/\/panel\.example\.org\/u\/([A-Za-z0-9_-]+))>$/.exec(m.headers.get("list-unsubscribe") ?? "");
      expect(unsub).not.toBeNull();
      expect(verifyUnsubscribeToken(testKey, unsub![2])).toBe(ids[i]);
      expect(m.headers.get("reply-to")).toContain("olena@example.org");
      // The personal link in both bodies hashes to this person's invitation.
      const token = /https:\/\/panel\.example\.org\/s\/([A-Za-z0-9_-]+)/.exec(m.text)![1];
      expect(m.html).toContain(`/s/${token}`);
      const [inv] = await t.db.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
      expect(inv.participantId).toBe(ids[i]);
      expect(inv.waveId).toBe(wave.id);
      expect(inv.status).toBe("sent");
      expect(m.text).toContain(unsub![1]);
      expect(m.text).toContain("olena@example.org");
    }
    expect(await countOutboxByStatus(t.db, { waveId: wave.id })).toEqual({ sent: 4 });
  });
});
