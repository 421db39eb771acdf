import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { meta } from "../schema";

export async function getMeta<T = unknown>(db: Db, key: string): Promise<T | null> {
  const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).limit(1);
  return (row?.value as T) ?? null;
}

/** Sets a key only if absent; returns false when another writer got there first. */
export async function claimMeta(db: Db, key: string, value: unknown): Promise<boolean> {
  const rows = await db.insert(meta).values({ key, value }).onConflictDoNothing().returning({ key: meta.key });
  return rows.length === 1;
}

export async function setMeta(db: Db, key: string, value: unknown) {
  await db
    .insert(meta)
    .values({ key, value })
    .onConflictDoUpdate({ target: meta.key, set: { value, updatedAt: new Date() } });
}
