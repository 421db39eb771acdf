// Shared by the admin tests: auth wired like the app, users signed in for real, and reading the
// invitation link out of the queued email as the local mailbox would show it.
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { outbox } from "../../../db/schema";
import type { StaffUser } from "../../../lib/auth/current-user";
import { createUser } from "../../../lib/auth/create-user";
import { loadConfig } from "../../../lib/config/load-config";
import { decryptPersonal } from "../../../lib/crypto/personal-data";
import { testKey } from "../helpers/test-db";

export const config = loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: "http://localhost:3000" });
export const PASSWORD = "a long enough password";

export async function staffUser(db: Db, role: StaffUser["role"], who = role): Promise<StaffUser> {
  const email = `${who}-${randomUUID().slice(0, 8)}@example.org`;
  const id = await createUser(db, { email, password: PASSWORD, name: who, role });
  return { id, email, name: who, role };
}

/** The token of the newest invitation email queued to the user. */
export async function invitationToken(db: Db, userId: string): Promise<string> {
  const [mail] = await db.select().from(outbox).where(and(eq(outbox.userId, userId), eq(outbox.kind, "staff_invitation"))).orderBy(desc(outbox.id)).limit(1);
  const url = decryptPersonal(testKey, String((mail.data as { secretUrl: string }).secretUrl));
  return new URL(url).searchParams.get("token")!;
}
