import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { insertStudy } from "../../../db/queries/seed";
import { apiTokens, outbox, verifications } from "../../../db/schema";
import { authenticateBearer, createApiToken } from "../../../lib/api/api-token";
import { currentUser } from "../../../lib/auth/current-user";
import { requestResetLink, signInWithPassword } from "../../../lib/auth/password-flows";
import { studyForUser } from "../../../lib/auth/permissions";
import { createAppAuth } from "../../../lib/runtime";
import { acceptInvitation, BAD_INVITE_LINK, inviteUser, resendInvitation } from "../../../lib/users/invite-user";
import { changeRole, deactivateUser, reactivateUser } from "../../../lib/users/manage-users";
import { addMembership, removeMembership } from "../../../lib/users/memberships";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { config, invitationToken, PASSWORD, staffUser } from "./helpers";

let t: TestDb;
let auth: ReturnType<typeof createAppAuth>;
beforeAll(async () => {
  t = await createTestDb();
  auth = createAppAuth(t.db, config);
});
afterAll(async () => {
  await t?.drop();
});

const now = () => new Date();
const signIn = (email: string, password = PASSWORD) => signInWithPassword(auth, new Headers(), { email, password });
const sessionOf = (setCookie: string[]) => new Headers({ cookie: setCookie[0].split(";")[0] });

describe("inviting a user", () => {
  it("creates the account without a password, mails a single-use link, and the password set from it signs in", async () => {
    const admin = await staffUser(t.db, "admin");
    const email = `new-${Date.now()}@example.org`;
    const { userId } = await inviteUser(t.db, config, admin, { email: ` ${email.toUpperCase()} `, name: "Nina New", role: "researcher" }, now());
    await expect(signIn(email)).rejects.toMatchObject({ status: 401 });
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.userId, userId));
    expect(mail).toMatchObject({ kind: "staff_invitation", template: "staff-invitation", status: "pending" });
    const token = await invitationToken(t.db, userId);
    // Only a hash of the token is stored.
    expect(JSON.stringify(await t.db.select().from(verifications))).not.toContain(token);
    expect(JSON.stringify(mail)).not.toContain(token);

    await expect(acceptInvitation(t.db, { token, password: "short", confirm: "short" }, now())).rejects.toMatchObject({ issues: [{ path: "password" }] });
    expect(await acceptInvitation(t.db, { token, password: PASSWORD, confirm: PASSWORD }, now())).toEqual({ email });
    const signedIn = await signIn(email);
    expect(await currentUser({ auth }, sessionOf(signedIn!.setCookie))).toMatchObject({ id: userId, role: "researcher" });
    // Single use.
    await expect(acceptInvitation(t.db, { token, password: "another password!", confirm: "another password!" }, now())).rejects.toThrow(BAD_INVITE_LINK);
  });

  it("refuses an email that already has an account, naming the field", async () => {
    const admin = await staffUser(t.db, "admin");
    await expect(inviteUser(t.db, config, admin, { email: admin.email, name: "Twin", role: "admin" }, now())).rejects.toMatchObject({ status: 422, issues: [{ path: "email" }] });
    await expect(inviteUser(t.db, config, admin, { email: "not-an-email", name: "", role: "boss" }, now())).rejects.toMatchObject({ status: 422 });
  });

  it("lets only admins invite", async () => {
    const researcher = await staffUser(t.db, "researcher");
    await expect(inviteUser(t.db, config, researcher, { email: "x@example.org", name: "X", role: "admin" }, now())).rejects.toMatchObject({ status: 403 });
  });

  it("expires the link, and a new invitation replaces the old link", async () => {
    const admin = await staffUser(t.db, "admin");
    const { userId } = await inviteUser(t.db, config, admin, { email: `late-${Date.now()}@example.org`, name: "Late", role: "researcher" }, now());
    const first = await invitationToken(t.db, userId);
    const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
    await expect(acceptInvitation(t.db, { token: first, password: PASSWORD, confirm: PASSWORD }, eightDaysOn)).rejects.toThrow(BAD_INVITE_LINK);
    await resendInvitation(t.db, config, admin, userId, now());
    const second = await invitationToken(t.db, userId);
    expect(second).not.toBe(first);
    await expect(acceptInvitation(t.db, { token: first, password: PASSWORD, confirm: PASSWORD }, now())).rejects.toThrow(BAD_INVITE_LINK);
    await acceptInvitation(t.db, { token: second, password: PASSWORD, confirm: PASSWORD }, now());
    await expect(resendInvitation(t.db, config, admin, userId, now())).rejects.toMatchObject({ status: 409 });
  });
});

describe("roles", () => {
  it("changes a role, which the next request sees", async () => {
    const admin = await staffUser(t.db, "admin");
    const r = await staffUser(t.db, "researcher");
    const cookie = sessionOf((await signIn(r.email))!.setCookie);
    expect(await changeRole(t.db, admin, r.id, { role: "admin" }, now())).toEqual({ changed: true });
    expect((await currentUser({ auth }, cookie))?.role).toBe("admin");
    expect(await changeRole(t.db, admin, r.id, { role: "admin" }, now())).toEqual({ changed: false });
    await expect(changeRole(t.db, admin, r.id, { role: "owner" }, now())).rejects.toMatchObject({ status: 422, issues: [{ path: "role" }] });
  });

  it("never demotes oneself or the last active admin", async () => {
    // A fresh database, so the count of admins is known.
    const own = await createTestDb();
    try {
      const only = await staffUser(own.db, "admin");
      const other = await staffUser(own.db, "researcher");
      await expect(changeRole(own.db, only, only.id, { role: "researcher" }, now())).rejects.toMatchObject({ status: 422 });
      await expect(deactivateUser(own.db, only, only.id, now())).rejects.toMatchObject({ status: 422 });
      await changeRole(own.db, only, other.id, { role: "admin" }, now());
      const second = { ...other, role: "admin" as const };
      // Two admins: one may demote the other, then the last one stays.
      await changeRole(own.db, second, only.id, { role: "researcher" }, now());
      const third = await staffUser(own.db, "admin");
      await deactivateUser(own.db, third, second.id, now());
      // `third` is now the only active admin: a deactivated admin does not count.
      await reactivateUser(own.db, third, second.id, now());
      await deactivateUser(own.db, second, third.id, now());
      await expect(changeRole(own.db, third, second.id, { role: "researcher" }, now())).rejects.toMatchObject({ status: 409 });
      const [{ n }] = await executeRows<{ n: unknown }>(own.db, sql`select count(*) as n from users where role = 'admin' and deactivated_at is null`);
      expect(Number(n)).toBe(1);
    } finally {
      await own.drop();
    }
  });

  it("refuses the last admin concurrently: two admins demoting each other leave one", async () => {
    const own = await createTestDb();
    try {
      const a = await staffUser(own.db, "admin");
      const b = await staffUser(own.db, "admin");
      const results = await Promise.allSettled([changeRole(own.db, a, b.id, { role: "researcher" }, now()), changeRole(own.db, b, a.id, { role: "researcher" }, now())]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const [{ n }] = await executeRows<{ n: unknown }>(own.db, sql`select count(*) as n from users where role = 'admin'`);
      expect(Number(n)).toBe(1);
    } finally {
      await own.drop();
    }
  });
});

describe("deactivation", () => {
  it("ends sessions, revokes API tokens, blocks sign-in and reset links; reactivation allows sign-in again", async () => {
    const admin = await staffUser(t.db, "admin");
    const r = await staffUser(t.db, "researcher");
    const cookie = sessionOf((await signIn(r.email))!.setCookie);
    const { token } = await createApiToken(t.db, r, { name: "script" }, now());
    expect(await authenticateBearer(t.db, `Bearer ${token}`, now())).toMatchObject({ id: r.id });

    expect(await deactivateUser(t.db, admin, r.id, now())).toEqual({ sessions: 1, tokens: 1 });
    expect(await currentUser({ auth }, cookie)).toBeNull();
    await expect(authenticateBearer(t.db, `Bearer ${token}`, now())).rejects.toMatchObject({ status: 401 });
    expect(await t.db.select().from(apiTokens).where(and(eq(apiTokens.userId, r.id), isNull(apiTokens.revokedAt)))).toHaveLength(0);
    await expect(signIn(r.email)).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/deactivated/) });
    await expect(signIn(r.email, "a wrong password!")).rejects.toMatchObject({ status: 401 });
    // No reset link goes out to a deactivated account (the answer is the same).
    const before = (await t.db.select().from(outbox).where(eq(outbox.userId, r.id))).length;
    await requestResetLink(auth, new Headers(), { email: r.email });
    expect((await t.db.select().from(outbox).where(eq(outbox.userId, r.id))).length).toBe(before);
    expect(await deactivateUser(t.db, admin, r.id, now())).toBeNull();

    await reactivateUser(t.db, admin, r.id, now());
    expect(await signIn(r.email)).toBeTruthy();
  });

  it("a deactivated invitee cannot use their link", async () => {
    const admin = await staffUser(t.db, "admin");
    const { userId } = await inviteUser(t.db, config, admin, { email: `gone-${Date.now()}@example.org`, name: "Gone", role: "researcher" }, now());
    const token = await invitationToken(t.db, userId);
    await deactivateUser(t.db, admin, userId, now());
    await expect(acceptInvitation(t.db, { token, password: PASSWORD, confirm: PASSWORD }, now())).rejects.toThrow(BAD_INVITE_LINK);
  });
});

describe("memberships", () => {
  it("govern which studies a researcher reaches (lib/auth/permissions.ts)", async () => {
    const admin = await staffUser(t.db, "admin");
    const r = await staffUser(t.db, "researcher");
    const slug = `m-${Date.now()}`;
    await insertStudy(t.db, { slug, name: "Membership study", languages: ["en"], defaultLanguage: "en" });
    await expect(studyForUser(t.db, r, slug)).rejects.toMatchObject({ status: 404 });
    expect(await addMembership(t.db, admin, r.id, { study: slug }, now())).toEqual({ changed: true });
    expect(await addMembership(t.db, admin, r.id, { study: slug }, now())).toEqual({ changed: false });
    expect((await studyForUser(t.db, r, slug)).slug).toBe(slug);
    expect(await removeMembership(t.db, admin, r.id, { study: slug }, now())).toEqual({ changed: true });
    await expect(studyForUser(t.db, r, slug)).rejects.toMatchObject({ status: 404 });
    await expect(addMembership(t.db, admin, r.id, { study: "no-such-study" }, now())).rejects.toMatchObject({ status: 422, issues: [{ path: "study" }] });
    await expect(addMembership(t.db, r, r.id, { study: slug }, now())).rejects.toMatchObject({ status: 403 });
  });
});
