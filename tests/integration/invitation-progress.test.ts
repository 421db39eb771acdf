// An invitation only moves forward (pending < sent < opened < started < completed), and a bounced or
// opted-out invitation is never moved by progress: the rule (db/queries/invitation-rank.ts) is shared
// by setInvitationProgress (a link opened) and the page save's progress (a page saved).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { invitations } from "../../db/schema";
import type { InvitationStatus } from "../../db/schema/waves";
import { setInvitationProgress } from "../../db/queries/invitations";
import { savePage } from "../../db/queries/responses";
import { smallSurvey } from "../fixtures/small-survey";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { createTestDb, type TestDb } from "./helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const now = new Date("2027-01-10T10:00:00Z");

async function invitationAt(status: InvitationStatus) {
  const { studyId, waveId } = await makeStudyWave(t.db, smallSurvey);
  const inv = await makeInvitation(t.db, studyId, waveId);
  await t.db.update(invitations).set({ status }).where(eq(invitations.id, inv.invitationId));
  return { ...inv, studyId, waveId };
}
const statusOf = async (id: string) => (await t.db.select({ s: invitations.status }).from(invitations).where(eq(invitations.id, id)))[0].s;

describe("an invitation's progress", () => {
  it("moves forward when a link is opened, never back, and leaves bounced and opted-out alone", async () => {
    const cases: [InvitationStatus, "opened" | "started" | "completed", InvitationStatus][] = [
      ["pending", "opened", "opened"], ["sent", "opened", "opened"], ["sent", "completed", "completed"],
      ["opened", "started", "started"], ["started", "opened", "started"], ["completed", "started", "completed"],
      ["completed", "opened", "completed"], ["bounced", "opened", "bounced"], ["opted_out", "completed", "opted_out"],
    ];
    for (const [from, to, want] of cases) {
      const inv = await invitationAt(from);
      await setInvitationProgress(t.db, inv.invitationId, to, now);
      expect(`${from} + ${to} → ${await statusOf(inv.invitationId)}`).toBe(`${from} + ${to} → ${want}`);
    }
  });

  it("moves forward with a saved first page, in the same statement, never back", async () => {
    const cases: [InvitationStatus, "started" | "completed", InvitationStatus][] = [
      ["sent", "started", "started"], ["opened", "completed", "completed"], ["completed", "started", "completed"], ["bounced", "started", "bounced"],
    ];
    for (const [from, progress, want] of cases) {
      const inv = await invitationAt(from);
      const saved = await savePage(t.db, {
        invitationId: inv.invitationId, progress, answers: { where_now: "returned" }, currentPage: "p2", language: "en",
        submitKey: null, pendingContact: null, now, completed: progress === "completed",
        create: { waveId: inv.waveId, studyId: inv.studyId, participantId: inv.participantId },
      });
      expect(saved).toBe(true);
      expect(`${from} + ${progress} → ${await statusOf(inv.invitationId)}`).toBe(`${from} + ${progress} → ${want}`);
    }
  });
});
