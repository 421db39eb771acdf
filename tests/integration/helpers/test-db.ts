// A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
// on the server named by TEST_DATABASE_URL (created here, dropped afterwards).
import { randomBytes } from "node:crypto";
import { migrateDb, openMemoryDb, openServerDb, type DbHandle } from "../../../db/client";

export type TestDb = DbHandle & { name: string; drop: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const handle = await openMemoryDb();
    await migrateDb(handle);
    return { ...handle, name: "pglite-memory", drop: () => handle.close() };
  }
  const name = `panelwave_test_${randomBytes(6).toString("hex")}`;
  const admin = await openServerDb(server, { max: 1 });
  await admin.sqlClient!.unsafe(`create database ${name}`);
  await admin.close();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openServerDb(url.toString(), { max: 5 });
  await migrateDb(handle);
  return {
    ...handle,
    name,
    drop: async () => {
      await handle.close();
      const a = await openServerDb(server, { max: 1 });
      await a.sqlClient!.unsafe(`drop database if exists ${name} with (force)`);
      await a.close();
    },
  };
}

/** Test configuration with a fixed personal-data key. */
export const testKey = Buffer.alloc(32, 7);
