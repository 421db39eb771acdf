// An email asked on a page before the last is kept (encrypted, never in the answers) until the
// response completes, and forgotten when the respondent goes back and clears it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { contacts, invitations, responses } from "../../../db/schema";
import { decryptPersonal } from "../../../lib/crypto/personal-data";
import { hashToken } from "../../../lib/crypto/tokens";
import { confirmWithdraw } from "../../../lib/respondent/withdraw-from-survey";
import { showPersonalLink } from "../../../lib/respondent/personal-link";
import type { SurveyDefinitionInput } from "../../../lib/surveys/definition";
import { makeInvitation, makeStudyWave } from "../helpers/factories";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { pressSend } from "../helpers/send-step";
import { config, html, post, req, startToken } from "./helpers";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const emailFirst: SurveyDefinitionInput = {
  title: { en: "Email first" },
  languages: ["en", "uk"],
  defaultLanguage: "en",
  pages: [
    { id: "p1", questions: [
      { name: "email", type: "email", label: { en: "Your email (optional)" } },
      { name: "age", type: "integer", label: { en: "Your age" } },
    ] },
    { id: "p2", questions: [{ name: "town", type: "text", label: { en: "Town" } }] },
    { id: "p3", questions: [{ name: "consent_followup", type: "consent", required: true, wordingVersion: "v1", label: { en: "Follow-up" }, wording: { en: "May we contact you?" } }] },
  ],
};

async function row(participantId: string) {
  const [r] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
  return r;
}

describe("an email asked on page 1 of 3", () => {
  it("is kept encrypted outside the answers until completion, then stored in contacts", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, emailFirst);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    await post(t.db, token, [["email", "Early@Example.org"], ["age", "41"]]);
    let r = await row(participantId);
    expect(r.answers).toEqual({ age: 41 });
    expect(r.pendingContactEncrypted).not.toBeNull();
    expect(r.pendingContactEncrypted).not.toContain("Early");
    expect(JSON.parse(decryptPersonal(testKey, r.pendingContactEncrypted!))).toEqual({ email: "Early@Example.org" });

    await post(t.db, token, [["town", "Bergen"]]);
    r = await row(participantId);
    expect(r.answers).toEqual({ age: 41, town: "Bergen" });
    expect(r.pendingContactEncrypted).not.toBeNull();
    const last = await post(t.db, token, [["consent_followup", "yes"]]);
    expect((await row(participantId)).status).not.toBe("completed");
    const done = await pressSend(t.db, config, token, last, req());
    expect(done).toMatchObject({ kind: "redirect", location: `/s/${token}?done=1` });

    r = await row(participantId);
    expect(r.status).toBe("completed");
    expect(JSON.stringify(r.answers)).not.toContain("xample");
    expect(r.pendingContactEncrypted).toBeNull();
    const [c] = await t.db.select().from(contacts).where(eq(contacts.participantId, participantId));
    expect(decryptPersonal(testKey, c.emailEncrypted)).toBe("early@example.org");
  });

  it("shows the kept email when the respondent goes back, and forgets it when they clear it", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, emailFirst);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    await post(t.db, token, [["email", "maybe@example.org"], ["age", "30"]]);
    await post(t.db, token, [["town", "Oslo"]], "back");
    const page1 = await showPersonalLink(t.db, config, token, req());
    expect(html(page1)).toContain('value="maybe@example.org"');
    await post(t.db, token, [["email", ""], ["age", "30"]]);
    expect((await row(participantId)).pendingContactEncrypted).toBeNull();
    await post(t.db, token, [["town", "Oslo"]]);
    await post(t.db, token, [["consent_followup", "no"]]);
    expect(await t.db.select().from(contacts).where(eq(contacts.participantId, participantId))).toHaveLength(0);
  });

  it("keeps it through an open-link start too, and erases it when the respondent leaves", async () => {
    const { slug, waveSlug } = await makeStudyWave(t.db, emailFirst, { mode: "open_link" });
    const token = await startToken(t.db, slug, waveSlug);
    await post(t.db, token, [["email", "leaver@example.org"]]);
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
    expect((await row(inv.participantId)).pendingContactEncrypted).not.toBeNull();
    await confirmWithdraw(t.db, token, req());
    expect((await row(inv.participantId)).pendingContactEncrypted).toBeNull();
  });
});
