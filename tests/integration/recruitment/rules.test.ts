import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { markParticipantWithdrawn } from "../../../db/queries/participants";
import { getRecruitmentBoard } from "../../../lib/recruitment/get-recruitment-board";
import { saveRecruitmentRule } from "../../../lib/recruitment/save-recruitment-rule";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { completeWave2, count, demoStudy, NOW, openWave2Invitations } from "./demo-study";

let t: TestDb;
let d: Awaited<ReturnType<typeof demoStudy>>;

beforeAll(async () => {
  t = await createTestDb();
  d = await demoStudy(t.db);
});
afterAll(async () => {
  await t?.drop();
});

/** Who the leavers rule should flag, computed from the raw tables without the rule's SQL. */
async function expectedLeavers(): Promise<string[]> {
  const responses = await executeRows<{ participant_id: string; trajectory: string; withdrawn: boolean }>(
    t.db,
    sql`select r.participant_id, r.trajectory, p.withdrawn_at is not null as withdrawn from responses r join participants p on p.id = r.participant_id
        where r.wave_id = ${d.wave2} and r.status = 'completed'`,
  );
  const consents = await executeRows<{ participant_id: string; granted: boolean; recorded_at: string }>(
    t.db,
    sql`select participant_id, granted, recorded_at::text from consents where kind = 'interview_contact' and study_id = ${d.study.id}`,
  );
  const latest = new Map<string, { granted: boolean; at: string }>();
  for (const c of consents) {
    const prev = latest.get(c.participant_id);
    if (!prev || c.recorded_at > prev.at) latest.set(c.participant_id, { granted: c.granted, at: c.recorded_at });
  }
  return responses
    .filter((r) => ["returned", "moved_on"].includes(r.trajectory) && !r.withdrawn && latest.get(r.participant_id)?.granted === true)
    .map((r) => r.participant_id)
    .sort();
}

const flagged = async () =>
  (await executeRows<{ participant_id: string }>(t.db, sql`select participant_id from recruitment where study_id = ${d.study.id} order by participant_id`)).map((r) => r.participant_id);

const leaversRule = (wave2: string) => ({ name: "Leavers who agreed to an interview", waveId: wave2, trajectories: ["returned", "moved_on"] as const, consent: "interview_contact" });

describe("trajectories", () => {
  it("classifies each completed wave-2 response from where the person lives now", async () => {
    const rows = await executeRows<{ where_now: string | null; trajectory: string | null }>(
      t.db,
      sql`select answers ->> 'where_now' as where_now, trajectory from responses where wave_id = ${d.wave2} and status = 'completed'`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.trajectory).toBe(r.where_now);
  });

  it("classifies a response when it completes through the respondent path", async () => {
    const [inv] = await openWave2Invitations(t.db, d.wave2);
    const { participantId } = await completeWave2(t.db, inv.invitation_id, { where_now: "moved_on", consent_interview: "no" });
    const [r] = await executeRows<{ trajectory: string }>(t.db, sql`select trajectory from responses where participant_id = ${participantId} and wave_id = ${d.wave2}`);
    expect(r.trajectory).toBe("moved_on");
  });
});

describe("recruitment rules", () => {
  let ruleId: string;

  it("back-fills a new rule over the completed responses: leavers whose latest interview consent is granted", async () => {
    const expected = await expectedLeavers();
    expect(expected.length).toBeGreaterThan(3);
    const r = await saveRecruitmentRule(t.db, d.researcher, d.study.slug, { ...leaversRule(d.wave2), trajectories: ["returned", "moved_on"] }, NOW);
    ruleId = r.ruleId;
    expect(r.flagged).toBe(expected.length);
    expect(await flagged()).toEqual(expected);
  });

  it("is idempotent: saving the same rule again flags nobody twice", async () => {
    const before = await flagged();
    const r = await saveRecruitmentRule(t.db, d.researcher, d.study.slug, { id: ruleId, ...leaversRule(d.wave2), trajectories: ["returned", "moved_on"] }, NOW);
    expect(r).toMatchObject({ flagged: 0, unflagged: 0 });
    expect(await flagged()).toEqual(before);
  });

  it("follows a changed rule, but keeps people someone already acted on", async () => {
    const board = await getRecruitmentBoard(t.db, d.researcher, d.study.slug);
    const mover = board.entries.find((e) => e.trajectory === "moved_on")!;
    const returnee = board.entries.find((e) => e.trajectory === "returned")!;
    await executeRows(t.db, sql`update recruitment set status = 'invited' where id = ${mover.id}`);
    const movers = await count(t.db, sql`select count(*) as n from recruitment rc join responses r on r.participant_id = rc.participant_id and r.wave_id = ${d.wave2} where r.trajectory = 'moved_on'`);
    const narrowed = await saveRecruitmentRule(t.db, d.researcher, d.study.slug, { id: ruleId, ...leaversRule(d.wave2), trajectories: ["returned"] }, NOW);
    expect(narrowed.unflagged).toBe(movers - 1);
    const now = await flagged();
    expect(now).toContain(mover.participantId);
    expect(now).toContain(returnee.participantId);
    const widened = await saveRecruitmentRule(t.db, d.researcher, d.study.slug, { id: ruleId, ...leaversRule(d.wave2), trajectories: ["returned", "moved_on"] }, NOW);
    expect(widened.flagged).toBe(movers - 1);
    expect(await flagged()).toEqual(await expectedLeavers());
  });

  it("flags a participant when their response completes, if a rule matches", async () => {
    const [a, b] = await openWave2Invitations(t.db, d.wave2);
    const yes = await completeWave2(t.db, a.invitation_id, { where_now: "returned", consent_interview: "yes" });
    const stayer = await completeWave2(t.db, b.invitation_id, { where_now: "stayed" });
    const ids = await flagged();
    expect(ids).toContain(yes.participantId);
    expect(ids).not.toContain(stayer.participantId);
    const [row] = await executeRows<{ rule_id: string; status: string }>(t.db, sql`select rule_id, status from recruitment where participant_id = ${yes.participantId}`);
    expect(row).toEqual({ rule_id: ruleId, status: "flagged" });
  });

  it("never flags a withdrawn person, and takes them off the board", async () => {
    const [a] = await openWave2Invitations(t.db, d.wave2);
    await markParticipantWithdrawn(t.db, a.participant_id, NOW);
    const late = await completeWave2(t.db, a.invitation_id, { where_now: "returned", consent_interview: "yes" });
    expect(await flagged()).not.toContain(late.participantId);

    const board = await getRecruitmentBoard(t.db, d.researcher, d.study.slug);
    const leaving = board.entries.find((e) => e.status === "flagged")!;
    await markParticipantWithdrawn(t.db, leaving.participantId, NOW);
    const after = await getRecruitmentBoard(t.db, d.researcher, d.study.slug);
    expect(after.entries.map((e) => e.participantId)).not.toContain(leaving.participantId);
    const r = await saveRecruitmentRule(t.db, d.researcher, d.study.slug, { id: ruleId, ...leaversRule(d.wave2), trajectories: ["returned", "moved_on"] }, NOW);
    expect(r.removedWithdrawn).toBe(1);
    expect(await flagged()).not.toContain(leaving.participantId);
    expect(await flagged()).not.toContain(late.participantId);
  });

  it("switching a rule off takes back only its untouched flags", async () => {
    const r = await saveRecruitmentRule(t.db, d.researcher, d.study.slug, { id: ruleId, ...leaversRule(d.wave2), trajectories: ["returned", "moved_on"], active: false }, NOW);
    expect(r.flagged).toBe(0);
    const left = await executeRows<{ status: string }>(t.db, sql`select status from recruitment where study_id = ${d.study.id}`);
    expect(left.map((x) => x.status)).toEqual(["invited"]);
  });

  it("names each invalid field of a rule", async () => {
    await expect(
      saveRecruitmentRule(t.db, d.researcher, d.study.slug, { name: " ", waveId: d.wave2, trajectories: [], consent: "Interview!" }, NOW),
    ).rejects.toMatchObject({
      status: 422,
      issues: expect.arrayContaining([
        expect.objectContaining({ path: "name" }),
        expect.objectContaining({ path: "trajectories" }),
        expect.objectContaining({ path: "consent" }),
      ]),
    });
  });
});
