// Contact health of a study after a wave went out over SMTP and reports came back: working,
// bounced and unreached addresses, and the wave's non-contacts with the messages behind them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { invitations, outbox } from "../../../db/schema";
import type { StaffUser } from "../../../lib/auth/current-user";
import { InvalidInput } from "../../../lib/errors/app-error";
import { applyBounce } from "../../../lib/mail/bounces/apply-bounce";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { getContactHealth, monthsBefore } from "../../../lib/reports/get-contact-health";
import { saveMyDetails } from "../../../lib/panel/my-details";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, addResponse, at, mailSettings, seedStudy } from "./helpers/panel";
import { startSmtpSink, type SmtpSink } from "./helpers/smtp-sink";

let t: TestDb;
let sink: SmtpSink;
let transport: MailTransport;
const admin: StaffUser = { id: "admin-1", email: "admin@example.org", name: "A", role: "admin" };

beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 2 });
});
afterAll(async () => {
  await transport?.close();
  await sink?.close();
  await t?.drop();
});

describe("contact health", () => {
  it("counts working, bounced and unreached addresses and each wave's non-contacts", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const ids = await addPeople(t.db, study.id, [
      { email: "done@test.example" }, // completes
      { email: "quiet@test.example" }, // delivered, never opened
      { email: "hard@test.example" }, // hard bounce reported
      { email: "refused@test.example" }, // refused while sending
      { email: "nocons@test.example", consent: [false] }, // never invited
      { noContact: true },
      { email: "left@test.example", withdrawn: true },
    ]);
    const wave = await addPanelWave(t.db, study.id, versionId);
    sink.rcptFault = (a) => (a === "refused@test.example" ? { code: 550, message: "5.1.1 User unknown" } : null);
    await reconcileWaves(t.db, at(0), { personalDataKey: testKey });
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => at(0) });
    sink.rcptFault = () => null;
    const [hardMsg] = await t.db.select().from(outbox).where(and(eq(outbox.participantId, ids[2]), eq(outbox.kind, "invitation")));
    await applyBounce(t.db, { outboxId: hardMsg.id, hard: true, status: "5.1.1", diagnostic: "550 5.1.1 user unknown", at: at(1) });
    await addResponse(t.db, study.id, wave.id, ids[0], "completed", at(1));
    // The first reminder (day 4) goes to the one who did not answer, whose address still works.
    await reconcileWaves(t.db, at(5), { personalDataKey: testKey });
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => at(5) });

    const h = await getContactHealth(t.db, admin, study.slug, { months: "12" }, at(10));
    expect(h.counts).toMatchObject({ active: 6, withAddress: 5, confirmed: 2, bounced: 2, unreachable: 4, changed: 0 });
    // One person tells My details where they live now, after the wave opened: changed since it.
    expect(await saveMyDetails(t.db, { personalDataKey: testKey }, ids[1], { country: "PL", town: "Kraków" }, at(6))).toMatchObject({ ok: true });
    const after = await getContactHealth(t.db, admin, study.slug, { months: "12" }, at(10));
    expect(wave.opensAt).toBeInstanceOf(Date);
    expect(after.counts).toMatchObject({ changed: 1, changedSince: wave.opensAt });
    expect(h.waves).toEqual([
      { slug: wave.slug, name: wave.name, bounced: { people: 2, attempts: 2 }, neverDelivered: { people: 0, attempts: 0 }, notOpened: { people: 1, attempts: 2 } },
    ]);
    // Reached over a month ago only: unreachable for one month.
    const month = await getContactHealth(t.db, admin, study.slug, { months: "1" }, at(60));
    expect(month.counts.unreachable).toBe(6);
    expect(month.since).toEqual(monthsBefore(at(60), 1));
  });

  it("counts an invitation marked sent without an outbox message (sent before the outbox kept them) as delivered, one attempt", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "old@test.example" }]);
    const wave = await addPanelWave(t.db, study.id, versionId, { status: "open" });
    await t.db.insert(invitations).values({ waveId: wave.id, studyId: study.id, participantId: p, tokenHash: `old-${p}`, status: "sent", sentAt: at(0) });
    const h = await getContactHealth(t.db, admin, study.slug, {}, at(10));
    expect(h.counts).toMatchObject({ active: 1, confirmed: 1, unreachable: 0 });
    expect(h.waves[0].notOpened).toEqual({ people: 1, attempts: 1 });
  });

  it("names the months field when it is not a whole number from 1 to 120", async () => {
    const { study } = await seedStudy(t.db);
    for (const months of ["0", "121", "1.5", "x"]) {
      const err = await getContactHealth(t.db, admin, study.slug, { months }, at(0)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidInput);
      expect((err as InvalidInput).issues[0].path).toBe("months");
    }
  });

  it("counts back whole months, to the end of a shorter month", () => {
    expect(monthsBefore(new Date("2024-03-31T10:00:00Z"), 1).toISOString()).toBe("2024-02-29T10:00:00.000Z");
    expect(monthsBefore(new Date("2024-03-15T10:00:00Z"), 12).toISOString()).toBe("2023-03-15T10:00:00.000Z");
  });
});
