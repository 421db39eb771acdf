import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { outbox } from "../../db/schema";
import { createAuth } from "../../lib/auth/create-auth";
import { createUser } from "../../lib/auth/create-user";
import { createTestDb, type TestDb } from "./helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

describe("password reset", () => {
  it("queues a reset link through the outbox and accepts the new password once", async () => {
    const auth = createAuth(t.db, { secret: "x".repeat(43), baseURL: "http://localhost:3000" });
    const userId = await createUser(t.db, { email: "forgetful@example.org", password: "the old password", name: "F", role: "researcher" });
    await auth.api.requestPasswordReset({ body: { email: "forgetful@example.org", redirectTo: "/reset-password" } });
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.userId, userId));
    expect(mail).toMatchObject({ kind: "password_reset", template: "password-reset", status: "pending" });
    const url = String((mail.data as { secretUrl: string }).secretUrl);
    const token = /reset-password\/([^?]+)/.exec(url)![1];
    await auth.api.resetPassword({ body: { newPassword: "a brand new password", token } });
    const ok = await auth.api.signInEmail({ body: { email: "forgetful@example.org", password: "a brand new password" } });
    expect(ok.user.id).toBe(userId);
    await expect(auth.api.signInEmail({ body: { email: "forgetful@example.org", password: "the old password" } })).rejects.toThrow();
    await expect(auth.api.resetPassword({ body: { newPassword: "yet another password", token } })).rejects.toThrow();
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const auth = createAuth(t.db, { secret: "x".repeat(43), baseURL: "http://localhost:3000" });
    const before = (await t.db.select().from(outbox)).length;
    await auth.api.requestPasswordReset({ body: { email: "nobody@example.org", redirectTo: "/reset-password" } });
    expect((await t.db.select().from(outbox)).length).toBe(before);
  });
});
