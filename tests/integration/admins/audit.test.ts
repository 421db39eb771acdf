// Every write of the admins' slice leaves an audit entry (the list below is what is covered), and
// the audit page's filters (user, study, action, date range) each narrow the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../../db/queries/audit";
import { createApiToken, revokeOwnApiToken } from "../../../lib/api/api-token";
import { auditFilterOptions, listAuditLog } from "../../../lib/audit/list-audit-log";
import { requestResetLink, resetWithToken } from "../../../lib/auth/password-flows";
import { decryptPersonal } from "../../../lib/crypto/personal-data";
import { uploadInstrument } from "../../../lib/instruments/upload-instrument";
import { saveRecruitmentRule } from "../../../lib/recruitment/save-recruitment-rule";
import { createAppAuth } from "../../../lib/runtime";
import { acceptInvitation, inviteUser, resendInvitation } from "../../../lib/users/invite-user";
import { changeRole, deactivateUser, reactivateUser } from "../../../lib/users/manage-users";
import { addMembership, removeMembership } from "../../../lib/users/memberships";
import { smallSurvey } from "../../fixtures/small-survey";
import { demoStudy } from "../recruitment/demo-study";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { and, desc, eq } from "drizzle-orm";
import { outbox } from "../../../db/schema";
import { config, invitationToken, PASSWORD } from "./helpers";

/** The write actions this slice records; each must leave an entry. */
const COVERED = [
  "user.invited",
  "user.invitation_resent",
  "user.invitation_accepted",
  "user.password_reset",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "study.member_added",
  "study.member_removed",
  "api_token.created",
  "api_token.revoked",
  "instrument.version_uploaded",
  "recruitment.rule_saved",
] as const;

let t: TestDb;
let d: Awaited<ReturnType<typeof demoStudy>>;
beforeAll(async () => {
  t = await createTestDb();
  d = await demoStudy(t.db, 8);
});
afterAll(async () => {
  await t?.drop();
});

describe("audit of writes", () => {
  it("records every covered write, with who, which study and readable details", async () => {
    const now = new Date();
    const { admin, researcher, study } = d;
    const auth = createAppAuth(t.db, config);
    const email = `audited-${Date.now()}@example.org`;
    const { userId } = await inviteUser(t.db, config, admin, { email, name: "Audited", role: "researcher" }, now);
    await resendInvitation(t.db, config, admin, userId, now);
    const token = await invitationToken(t.db, userId);
    await acceptInvitation(t.db, { token, password: PASSWORD, confirm: PASSWORD }, now);
    await requestResetLink(auth, new Headers(), { email });
    const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.userId, userId), eq(outbox.kind, "password_reset"))).orderBy(desc(outbox.id)).limit(1);
    const resetToken = /reset-password\/([^?]+)/.exec(decryptPersonal(testKey, String((mail.data as { secretUrl: string }).secretUrl)))![1];
    await resetWithToken(auth, new Headers(), { token: resetToken, password: "a newer long password", confirm: "a newer long password" });
    await changeRole(t.db, admin, userId, { role: "admin" }, now);
    await deactivateUser(t.db, admin, userId, now);
    await reactivateUser(t.db, admin, userId, now);
    await addMembership(t.db, admin, userId, { study: study.slug }, now);
    await removeMembership(t.db, admin, userId, { study: study.slug }, now);
    const created = await createApiToken(t.db, researcher, { name: "nightly export" }, now);
    await revokeOwnApiToken(t.db, researcher, created.id, now);
    await uploadInstrument(t.db, researcher, study.slug, { name: "Audit check", source: { kind: "json", data: smallSurvey, filename: "audit.json" }, dryRun: false }, now);
    await saveRecruitmentRule(t.db, researcher, study.slug, { name: "Audited rule", waveId: d.wave2, trajectories: ["returned"], consent: "interview_contact" }, now);

    const rows = await listAudit(t.db, { beforeId: null, limit: 500 });
    for (const action of COVERED) expect(rows.map((r) => r.action), action).toContain(action);
    const byAction = (a: string) => rows.find((r) => r.action === a)!;
    expect(byAction("user.role_changed")).toMatchObject({ userEmail: admin.email, target: email, details: { outcome: { from: "researcher", to: "admin" } } });
    expect(byAction("user.invitation_accepted")).toMatchObject({ userId, target: email });
    expect(byAction("user.password_reset")).toMatchObject({ userId, target: email });
    expect(byAction("study.member_added")).toMatchObject({ studySlug: study.slug, studyName: study.name, target: email });
    expect(byAction("instrument.version_uploaded")).toMatchObject({ studySlug: study.slug, userEmail: researcher.email, target: "Audit check v1" });
    expect(byAction("recruitment.rule_saved")).toMatchObject({ studySlug: study.slug, target: "Audited rule" });
    expect(byAction("user.deactivated").details.outcome).toMatchObject({ sessionsEnded: 0, tokensRevoked: 0 });
    // No secret in the log.
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(created.token);
  });
});

describe("audit log filters", () => {
  it("filters by user, study, action and UTC day range, and offers what was recorded", async () => {
    const { admin, researcher, study } = d;
    const day1 = new Date("2031-05-01T23:30:00Z");
    const day2 = new Date("2031-05-02T00:30:00Z");
    await createApiToken(t.db, researcher, { name: "on day one" }, day1);
    await removeMembership(t.db, admin, researcher.id, { study: study.slug }, day2);

    const byUser = await listAuditLog(t.db, admin, { user: researcher.id });
    expect(byUser.rows.length).toBeGreaterThan(0);
    expect(byUser.rows.every((r) => r.userId === researcher.id)).toBe(true);
    const byStudy = await listAuditLog(t.db, admin, { study: study.slug });
    expect(byStudy.rows.every((r) => r.studySlug === study.slug)).toBe(true);
    const byAction = await listAuditLog(t.db, admin, { action: "study.member_removed" });
    expect(byAction.rows.length).toBeGreaterThan(0);
    expect(byAction.rows.every((r) => r.action === "study.member_removed")).toBe(true);
    const oneDay = await listAuditLog(t.db, admin, { from: "2031-05-01", to: "2031-05-01" });
    expect(oneDay.rows.map((r) => r.target)).toEqual(["on day one"]);
    const twoDays = await listAuditLog(t.db, admin, { from: "2031-05-01", to: "2031-05-02" });
    expect(twoDays.rows).toHaveLength(2);
    const combined = await listAuditLog(t.db, admin, { from: "2031-05-01", to: "2031-05-02", user: admin.id, action: "study.member_removed", study: study.slug });
    expect(combined.rows).toHaveLength(1);
    await expect(listAuditLog(t.db, admin, { from: "2031-05-02", to: "2031-05-01" })).rejects.toMatchObject({ status: 422, issues: [{ path: "to" }] });
    await expect(listAuditLog(t.db, researcher, {})).rejects.toMatchObject({ status: 403 });

    const options = await auditFilterOptions(t.db, admin);
    expect(options.actions).toEqual([...options.actions].sort());
    expect(options.actions).toEqual(expect.arrayContaining(["api_token.created", "study.member_removed"]));
    expect(options.users.map((u) => u.id)).toContain(researcher.id);
    expect(options.studies.map((s) => s.slug)).toContain(study.slug);
  });
});
