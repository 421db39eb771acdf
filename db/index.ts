// The process-wide database, opened once and kept on globalThis (PGlite allows one opener).
import { migrateDb, openDb, type DbHandle, type DbSettings } from "./client";

const g = globalThis as unknown as { __panelwaveDb?: Promise<DbHandle> };

/**
 * The shared handle, opened with the first caller's settings (lib/config); a failed open is not
 * cached, so the next call tries again.
 */
export function getDbHandle(settings: DbSettings): Promise<DbHandle> {
  if (!g.__panelwaveDb) {
    const p = openDb(settings).then(async (h) => {
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

export async function getDb(settings: DbSettings) {
  return (await getDbHandle(settings)).db;
}

export * from "./client";
