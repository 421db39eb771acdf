import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../db/client";
import { createUser } from "../../lib/auth/create-user";
import { ensureFirstAdmin } from "../../lib/auth/ensure-first-admin";
import { loadConfig } from "../../lib/config/load-config";
import { findUserByEmail } from "../../db/queries/users";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

describe(`database (${process.env.TEST_DATABASE_URL ? "PostgreSQL server" : "PGlite"})`, () => {
  it("applies every committed migration, creating the domain tables", async () => {
    const rows = await executeRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rows.map((r) => r.table_name);
    for (const table of [
      "studies", "instruments", "instrument_versions", "waves", "participants", "contacts", "consents",
      "invitations", "responses", "recruitment", "recruitment_rules", "outbox", "users", "sessions",
      "api_tokens", "audit_log",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("stores a hashed password, never the password itself", async () => {
    await createUser(t.db, { email: "R@Example.org", password: "correct horse battery", name: "R", role: "researcher" });
    const user = await findUserByEmail(t.db, "r@example.org");
    expect(user?.role).toBe("researcher");
    const rows = await executeRows<{ password: string }>(t.db, sql`select password from accounts where user_id = ${user!.id}`);
    expect(rows[0].password).not.toContain("correct horse");
    expect(rows[0].password.length).toBeGreaterThan(40);
  });

  it("refuses a second user with the same email", async () => {
    await expect(
      createUser(t.db, { email: "r@example.org", password: "another password", name: "R2", role: "admin" }),
    ).rejects.toThrow(/already exists/);
  });

  it("refuses a short password, naming the field", async () => {
    await expect(
      createUser(t.db, { email: "s@example.org", password: "short", name: "S", role: "admin" }),
    ).rejects.toThrow(/password/);
  });

  it("creates the first admin from the environment once only", async () => {
    const env = { PERSONAL_DATA_KEY: testKey.toString("base64"), ADMIN_EMAIL: "boss@example.org", ADMIN_PASSWORD: "a long admin password" };
    expect(await ensureFirstAdmin(t.db, loadConfig(env).firstAdmin)).toBe("boss@example.org");
    expect(await ensureFirstAdmin(t.db, loadConfig({ ...env, ADMIN_EMAIL: "other@example.org" }).firstAdmin)).toBeNull();
    expect(await findUserByEmail(t.db, "other@example.org")).toBeNull();
  });
});
