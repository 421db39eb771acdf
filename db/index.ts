// The process-wide database, opened once and kept on globalThis (PGlite allows one opener).
import { migrateDb, openDb, type DbHandle } from "./client";

const g = globalThis as unknown as { __panelwaveDb?: Promise<DbHandle> };

/** The shared handle; a failed open is not cached, so the next call tries again. */
export function getDbHandle(): Promise<DbHandle> {
  if (!g.__panelwaveDb) {
    const p = openDb().then(async (h) => {
      await migrateDb(h);
      return h;
    });
    g.__panelwaveDb = p;
    p.catch(() => {
      if (g.__panelwaveDb === p) g.__panelwaveDb = undefined;
    });
  }
  return g.__panelwaveDb;
}

export async function getDb() {
  return (await getDbHandle()).db;
}

export * from "./client";
