// The language of a panel member on their pages and in their emails: explicit choice > the
// language they last answered in > their recorded language > the phone > the study default.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { insertWave } from "../../../db/queries/waves";
import { outbox, responses } from "../../../db/schema";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { queueThankYou } from "../../../lib/mail/queue-mail";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { showPersonalLink } from "../../../lib/respondent/personal-link";
import { makeInvitation, makeStudyWave } from "../helpers/factories";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, mailSettings } from "../mail/helpers/panel";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { startSmtpSink, type SmtpSink } from "../mail/helpers/smtp-sink";
import { smallSurvey } from "../../fixtures/small-survey";
import { config, html, post, req } from "./helpers";

let t: TestDb;
let sink: SmtpSink;
let transport: MailTransport;
beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 1 });
});
afterAll(async () => {
  await transport?.close();
  await sink?.close();
  await t?.drop();
});

const UK = "Де ви зараз живете?";
const langOf = (h: string) => /<html lang="([a-z]+)"/.exec(h)?.[1];

/** A member of a study whose contact language is `recorded`, invited to a panel wave. */
async function member(o: { recorded?: string; answeredBefore?: string; email?: string }) {
  const w = await makeStudyWave(t.db, smallSurvey);
  const [id] = o.recorded
    ? await addPeople(t.db, w.studyId, [{ email: o.email ?? `m-${Math.random()}@example.org`, language: o.recorded }])
    : [undefined];
  const inv = await makeInvitation(t.db, w.studyId, w.waveId, {}, id);
  if (o.answeredBefore) {
    const earlier = (await insertWave(t.db, { studyId: w.studyId, slug: "w0", name: "Earlier wave", position: 0, instrumentVersionId: w.versionId, mode: "panel", status: "closed" }, new Date()))!.id;
    await t.db.insert(responses).values({ studyId: w.studyId, waveId: earlier, participantId: inv.participantId, status: "completed", language: o.answeredBefore, updatedAt: new Date(Date.now() - 86_400_000) });
  }
  return { ...w, ...inv };
}

describe("a personal link speaks the member's language", () => {
  it("takes an explicit ?lang= (or its cookie) first", async () => {
    const m = await member({ recorded: "uk", answeredBefore: "ru" });
    const page = await showPersonalLink(t.db, config, m.token, req({ requestedLanguage: "en", acceptLanguage: "nb" }));
    expect(langOf(html(page))).toBe("en");
    expect(page.setLanguage).toBe("en");
  });

  it("then the language they last answered in, in any wave, over the recorded one and the phone", async () => {
    const m = await member({ recorded: "uk", answeredBefore: "ru" });
    const page = await showPersonalLink(t.db, config, m.token, req({ acceptLanguage: "nb-NO,nb;q=0.9" }));
    expect(langOf(html(page))).toBe("ru");
    // Only an explicit choice is remembered in the cookie.
    expect(page.setLanguage).toBeUndefined();
  });

  it("then the panel's recorded language: a Ukrainian on a Norwegian phone gets Ukrainian", async () => {
    const m = await member({ recorded: "uk" });
    const page = await showPersonalLink(t.db, config, m.token, req({ acceptLanguage: "nb-NO,nb;q=0.9" }));
    expect(langOf(html(page))).toBe("uk");
    expect(html(page)).toContain(`<legend>${UK}`);
  });

  it("then the phone, and last the study default", async () => {
    const m = await member({});
    expect(langOf(html(await showPersonalLink(t.db, config, m.token, req({ acceptLanguage: "nb-NO,nb;q=0.9" }))))).toBe("nb");
    expect(langOf(html(await showPersonalLink(t.db, config, m.token, req({ acceptLanguage: "de-DE" }))))).toBe("en");
  });

  it("answering a page in a language makes it the one they last answered in", async () => {
    const m = await member({ recorded: "uk" });
    await post(t.db, m.token, [["where_now", "returned"]], "next", { requestedLanguage: "ru" });
    const page = await showPersonalLink(t.db, config, m.token, req({ acceptLanguage: "nb" }));
    expect(langOf(html(page))).toBe("ru");
  });
});

describe("emails use the language the member last answered in", () => {
  it("sends the thank-you in the language answered in, not the recorded contact language", async () => {
    const m = await member({ recorded: "uk", answeredBefore: "nb", email: "kari@example.org" });
    await queueThankYou(t.db, { participantId: m.participantId, waveId: m.waveId }, new Date());
    sink.messages.length = 0;
    await drainOutbox(t.db, transport, { ...mailSettings });
    const [mail] = sink.messages.filter((x) => x.envelopeTo[0] === "kari@example.org");
    expect(mail.subject).toContain("takk for svarene dine");
    expect(mail.html).toContain('<html lang="nb">');
    const [row] = await t.db.select().from(outbox).where(eq(outbox.participantId, m.participantId));
    expect(row.status).toBe("sent");
  });

  it("sends a new wave's invitation in the language answered in (decided at send time)", async () => {
    const w = await makeStudyWave(t.db, smallSurvey, { status: "closed" });
    const [id] = await addPeople(t.db, w.studyId, [{ email: "olena.nb@example.org", language: "uk" }]);
    await t.db.insert(responses).values({ studyId: w.studyId, waveId: w.waveId, participantId: id, status: "completed", language: "nb" });
    const next = await addPanelWave(t.db, w.studyId, w.versionId, { opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 86_400_000) });
    await reconcileWaves(t.db, new Date(), { personalDataKey: testKey, waveId: next.id });
    sink.messages.length = 0;
    await drainOutbox(t.db, transport, { ...mailSettings });
    const [mail] = sink.messages.filter((x) => x.envelopeTo[0] === "olena.nb@example.org");
    expect(mail.subject).toContain("en ny undersøkelse til deg");
  });

  it("falls back to the recorded language for someone who never answered", async () => {
    const m = await member({ recorded: "ru", email: "ivan@example.org" });
    await queueThankYou(t.db, { participantId: m.participantId, waveId: m.waveId }, new Date());
    sink.messages.length = 0;
    await drainOutbox(t.db, transport, { ...mailSettings });
    const [mail] = sink.messages.filter((x) => x.envelopeTo[0] === "ivan@example.org");
    expect(mail.subject).toContain("спасибо за ваши ответы");
  });
});
