import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { executeRows } from "../../db/client";
import { outbox } from "../../db/schema";
import { createAppAuth } from "../../lib/runtime";
import { createUser } from "../../lib/auth/create-user";
import { loadConfig } from "../../lib/config/load-config";
import { decryptPersonal } from "../../lib/crypto/personal-data";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";

let t: TestDb;
let auth: ReturnType<typeof createAppAuth>;
const config = loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: "http://localhost:3000" });

beforeAll(async () => {
  t = await createTestDb();
  auth = createAppAuth(t.db, config);
});
afterAll(async () => {
  await t?.drop();
});

let n = 0;
async function newUser() {
  const email = `forgetful${++n}@example.org`;
  const userId = await createUser(t.db, { email, password: "the old password", name: "F", role: "researcher" });
  return { email, userId };
}

/** Asks for a reset link and reads the token from the queued email, as the mailbox would show it. */
async function requestLink(email: string, userId: string): Promise<string> {
  const before = (await t.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.userId, userId))).map((r) => r.id);
  await auth.api.requestPasswordReset({ body: { email, redirectTo: "/reset-password" } });
  const mail = (await t.db.select().from(outbox).where(eq(outbox.userId, userId))).find((m) => !before.includes(m.id))!;
  const boxed = String((mail.data as { secretUrl: string }).secretUrl);
  return /reset-password\/([^?]+)/.exec(decryptPersonal(testKey, boxed))![1];
}

describe("password reset", () => {
  it("queues a reset link through the outbox and accepts the new password once", async () => {
    const { email, userId } = await newUser();
    const token = await requestLink(email, userId);
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.userId, userId));
    expect(mail).toMatchObject({ kind: "password_reset", template: "password-reset", status: "pending" });
    await auth.api.resetPassword({ body: { newPassword: "a brand new password", token } });
    const ok = await auth.api.signInEmail({ body: { email, password: "a brand new password" } });
    expect(ok.user.id).toBe(userId);
    await expect(auth.api.signInEmail({ body: { email, password: "the old password" } })).rejects.toThrow();
    await expect(auth.api.resetPassword({ body: { newPassword: "yet another password", token } })).rejects.toThrow();
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = (await t.db.select().from(outbox)).length;
    await auth.api.requestPasswordReset({ body: { email: "nobody@example.org", redirectTo: "/reset-password" } });
    expect((await t.db.select().from(outbox)).length).toBe(before);
  });

  it("ends every session of the account when the password is reset", async () => {
    const { email, userId } = await newUser();
    const signedIn = await auth.api.signInEmail({ body: { email, password: "the old password" }, returnHeaders: true });
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0];
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull();
    await auth.api.resetPassword({ body: { newPassword: "a brand new password", token: await requestLink(email, userId) } });
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    const [{ n: left }] = await executeRows<{ n: unknown }>(t.db, sql`select count(*) as n from sessions where user_id = ${userId}`);
    expect(Number(left)).toBe(0);
  });

  it("invalidates every other pending reset link once one is used", async () => {
    const { email, userId } = await newUser();
    const first = await requestLink(email, userId);
    const second = await requestLink(email, userId);
    expect(first).not.toBe(second);
    await auth.api.resetPassword({ body: { newPassword: "a brand new password", token: second } });
    await expect(auth.api.resetPassword({ body: { newPassword: "the attacker's password", token: first } })).rejects.toThrow();
    await auth.api.signInEmail({ body: { email, password: "a brand new password" } });
  });

  it("stores no reset token in plain text: only a hash in verifications, none in the outbox", async () => {
    const { email, userId } = await newUser();
    const token = await requestLink(email, userId);
    const everything = JSON.stringify(await executeRows(t.db, sql`select v.*, (select json_agg(o) from outbox o where o.user_id = ${userId}) as mail from verifications v`));
    expect(everything).not.toContain(token);
    const ids = await executeRows<{ identifier: string }>(t.db, sql`select identifier from verifications where value = ${userId}`);
    expect(ids).toHaveLength(1);
    expect(ids[0].identifier).toMatch(/^reset-password#[0-9a-f]{64}$/);
    const keys = await executeRows<{ idempotency_key: string }>(t.db, sql`select idempotency_key from outbox where user_id = ${userId}`);
    expect(keys[0].idempotency_key).not.toContain(token);
    // A copy of the database is no key: the stored hash, sent as a token, opens nothing.
    const stolen = ids[0].identifier.slice("reset-password#".length);
    await expect(auth.api.resetPassword({ body: { newPassword: "the thief's password", token: stolen } })).rejects.toThrow();
    await expect(auth.api.resetPassword({ body: { newPassword: "the thief's password", token: ids[0].identifier } })).rejects.toThrow();
    await auth.api.resetPassword({ body: { newPassword: "the owner's new password", token } });
  });
});
