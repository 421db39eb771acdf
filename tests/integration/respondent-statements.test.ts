// The respondent's hot path (issue 15): every page view and save runs named prepared statements,
// a page is saved in one statement with the invitation's progress, and a save that loses the
// revision race writes nothing, the invitation included. On the PostgreSQL server the statements
// are read back from pg_prepared_statements on a one-connection pool: the same few, however many
// people answer (no growth from dynamic SQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openServerDb, type DbHandle } from "../../db/client";
import { invitations, responses } from "../../db/schema";
import { savePage } from "../../db/queries/responses";
import type { Config } from "../../lib/config/load-config";
import type { Outcome } from "../../lib/respondent/outcome";
import { showPersonalLink, submitPersonalLink } from "../../lib/respondent/personal-link";
import { smallSurvey } from "../fixtures/small-survey";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { pressSend } from "./helpers/send-step";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";

let t: TestDb;
/** On the server: a pool of one connection, so pg_prepared_statements shows what it prepared. */
let one: DbHandle | undefined;
const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;
const req = () => ({ now: new Date(), acceptLanguage: "en", requestedLanguage: "en" });
const html = (o: Outcome) => (o.kind === "html" ? o.html : "");
const formOf = (o: Outcome): [string, string][] =>
  ["_page", "_rev", "_key", "_lang"].map((n) => [n, new RegExp(`name="${n}" value="([^"]*)"`).exec(html(o))?.[1] ?? ""]);

beforeAll(async () => {
  t = await createTestDb();
  if (t.kind === "postgres") {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${t.name}`;
    one = await openServerDb(url.toString(), { max: 1 });
  }
});
afterAll(async () => {
  await one?.close();
  await t?.drop();
});

const db = () => one?.db ?? t.db;
const invitation = async (id: string) => (await t.db.select().from(invitations).where(eq(invitations.id, id)))[0];

/** Answers the small survey (returned, Kyiv, no consent) and sends it. */
async function answerAll(token: string) {
  let p = await showPersonalLink(db(), config, token, req());
  await submitPersonalLink(db(), config, token, [...formOf(p), ["_action", "next"], ["where_now", "returned"], ["age", "30"]], req());
  p = await showPersonalLink(db(), config, token, req());
  await submitPersonalLink(db(), config, token, [...formOf(p), ["_action", "next"], ["region", "Kyiv"]], req());
  p = await showPersonalLink(db(), config, token, req());
  const last = await submitPersonalLink(db(), config, token, [...formOf(p), ["_action", "next"], ["consent_followup", "no"]], req());
  return pressSend(db(), config, token, last, req());
}

async function preparedNow(): Promise<string[]> {
  const rows = await one!.sqlClient!.unsafe<{ statement: string }[]>("select statement from pg_prepared_statements order by statement");
  return rows.map((r) => r.statement);
}

describe("the respondent's hot path", () => {
  it("moves the invitation with each save: opened on the first view, started with the first page, completed with the send", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, invitationId, participantId } = await makeInvitation(t.db, studyId, waveId);
    const first = await showPersonalLink(db(), config, token, req());
    expect((await invitation(invitationId)).status).toBe("opened");
    await submitPersonalLink(db(), config, token, [...formOf(first), ["_action", "next"], ["where_now", "returned"], ["age", "30"]], req());
    const inv = await invitation(invitationId);
    expect(inv.status).toBe("started");
    expect(inv.startedAt).not.toBeNull();
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row).toMatchObject({ revision: 1, currentPage: "p2", status: "started", answers: { where_now: "returned", age: 30 } });
    expect(row.lastSubmitKey).toBeTruthy();
  });

  it("writes nothing when a save loses the revision race: not the answers, not the invitation", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, invitationId, participantId } = await makeInvitation(t.db, studyId, waveId);
    const { waveId: w, participantId: p } = { waveId, participantId };
    const now = new Date();
    const base = { invitationId, progress: "started" as const, currentPage: "p2", language: "en", submitKey: "a", completed: false, pendingContact: null, now };
    // Two tabs start the same survey: the first creates the row, the second finds it there.
    expect(await savePage(db(), { ...base, create: { waveId: w, studyId, participantId: p }, answers: { age: 31 } })).toBe(true);
    expect(await savePage(db(), { ...base, submitKey: "b", create: { waveId: w, studyId, participantId: p }, answers: { age: 99 } })).toBe(false);
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row).toMatchObject({ revision: 1, answers: { age: 31 }, lastSubmitKey: "a" });
    // A stale revision saves nothing, and a completion that loses does not complete the invitation.
    expect(await savePage(db(), { ...base, id: row.id, expectedRevision: 0, progress: "completed", completed: true, answers: { age: 1 } })).toBe(false);
    expect((await invitation(invitationId)).status).toBe("started");
    expect((await t.db.select().from(responses).where(eq(responses.id, row.id)))[0]).toMatchObject({ revision: 1, status: "started", answers: { age: 31 } });
    // The page itself shows the saved answers again after a lost race (nothing lost, nothing doubled).
    expect(html(await showPersonalLink(db(), config, token, req()))).toContain('value="31"');
  });

  it("completes through the same statements, with the rules and thank-you lookups skipped when they cannot apply", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token, invitationId, participantId } = await makeInvitation(t.db, studyId, waveId);
    expect(await answerAll(token)).toMatchObject({ kind: "redirect", location: `/s/${token}?done=1` });
    const inv = await invitation(invitationId);
    expect(inv.status).toBe("completed");
    expect(inv.completedAt).not.toBeNull();
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect(row).toMatchObject({ status: "completed", trajectory: "returned", answers: { where_now: "returned", age: 30, region: "Kyiv" } });
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)("prepares a fixed set of statements on the server, the same for the tenth person as for the first", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
    const { token } = await makeInvitation(t.db, studyId, waveId);
    await answerAll(token);
    const after1 = await preparedNow();
    const has = (needle: RegExp) => after1.some((s) => needle.test(s));
    expect(has(/from "invitations"[\s\S]*"token_hash" = \$1/)).toBe(true); // the link's context
    expect(has(/with saved as \(\s*insert into responses/)).toBe(true); // the first page
    expect(has(/with saved as \(\s*update responses/)).toBe(true); // later pages and the completion
    expect(has(/update invitations set status/)).toBe(true); // opened on the first view
    for (let i = 0; i < 9; i++) {
      const inv = await makeInvitation(t.db, studyId, waveId);
      await answerAll(inv.token);
    }
    expect(await preparedNow()).toEqual(after1);
  });
});
