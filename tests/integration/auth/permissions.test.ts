// The permission module (lib/auth/permissions.ts) and the domain functions that once left the
// role check to their page: each refuses a user without the role when called directly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, studyMembers, users } from "../../../db/schema";
import { listUsers } from "../../../lib/auth/list-users";
import { requireAdmin, studyForUser } from "../../../lib/auth/permissions";
import { Forbidden, NotFound } from "../../../lib/errors/app-error";
import { listMailbox, readMailboxMessage } from "../../../lib/mail/read-mailbox";
import { smallSurvey } from "../../fixtures/small-survey";
import { makeStudyWave } from "../helpers/factories";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";

let t: TestDb;
let slug: string;
const admin = { id: "u-perm-admin", email: "perm-admin@example.org", name: "Admin", role: "admin" as const };
const member = { id: "u-perm-member", email: "perm-member@example.org", name: "Member", role: "researcher" as const };
const outsider = { id: "u-perm-outsider", email: "perm-outsider@example.org", name: "Outsider", role: "researcher" as const };

beforeAll(async () => {
  t = await createTestDb();
  await t.db.insert(users).values([admin, member, outsider].map((u) => ({ ...u, emailVerified: true })));
  const s = await makeStudyWave(t.db, smallSurvey);
  slug = s.slug;
  await t.db.insert(studyMembers).values({ studyId: s.studyId, userId: member.id });
});
afterAll(async () => {
  await t?.drop();
});

describe("studyForUser", () => {
  it("gives the study to its member and to an admin", async () => {
    expect((await studyForUser(t.db, member, slug)).slug).toBe(slug);
    expect((await studyForUser(t.db, admin, slug)).slug).toBe(slug);
  });

  it("answers NotFound to a researcher of another study, as for a study that does not exist", async () => {
    await expect(studyForUser(t.db, outsider, slug)).rejects.toThrow(NotFound);
    await expect(studyForUser(t.db, admin, "no-such-study")).rejects.toThrow(NotFound);
  });

  it("refuses admin-only data to a member with Forbidden, before looking the study up", async () => {
    await expect(studyForUser(t.db, member, slug, { adminOnly: "recruitment lists" })).rejects.toThrow(Forbidden);
    await expect(studyForUser(t.db, member, "no-such-study", { adminOnly: "recruitment lists" })).rejects.toThrow(Forbidden);
    expect((await studyForUser(t.db, admin, slug, { adminOnly: "recruitment lists" })).slug).toBe(slug);
  });

  it("requireAdmin names what was refused", () => {
    expect(() => requireAdmin(member, "the audit log")).toThrow("Only admins may access the audit log");
    expect(() => requireAdmin(admin)).not.toThrow();
  });
});

describe("admin-only domain functions check the role themselves", () => {
  it("listUsers refuses a researcher", async () => {
    await expect(listUsers(t.db, member)).rejects.toThrow(Forbidden);
    expect((await listUsers(t.db, admin)).map((u) => u.email)).toContain(member.email);
  });

  it("the mailbox refuses a researcher, and records no view for them", async () => {
    await expect(listMailbox(t.db, testKey, member, 1, new Date())).rejects.toThrow(Forbidden);
    await expect(readMailboxMessage(t.db, testKey, member, 999_999, new Date())).rejects.toThrow(Forbidden);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.userId, member.id))).toEqual([]);
    await expect(readMailboxMessage(t.db, testKey, admin, 999_999, new Date())).rejects.toThrow(NotFound);
  });
});
