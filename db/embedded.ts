// The embedded database: PGlite in DATA_DIR/pg, opened by one process at a time (the data
// folder's lock), with fsync working (durable-nodefs.ts), so an acknowledged commit survives a
// power loss or an OS crash, not only a crash of the app.
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { dataDirError, ensureDataDir } from "./data-dir";
import { DbConfigError } from "./errors";
import { acquireDataDirLock } from "./data-dir-lock";
import type { Db, DbHandle } from "./client";
import * as schema from "./schema";

/**
 * Opens the embedded database in dataDir/pg. A second process gets a one-line DbConfigError naming
 * the owner; a lock left by a crashed process is taken over (see data-dir-lock.ts). Waits up to
 * lockWaitMs for a live owner to exit (a restart right after a stop).
 */
export async function openEmbeddedDb(dataDir: string, opts: { lockWaitMs?: number } = {}): Promise<DbHandle> {
  const dir = ensureDataDir(dataDir);
  const release = await acquireDataDirLock(dir, { waitMs: opts.lockWaitMs, label: dataDir });
  const { PGlite } = await import("@electric-sql/pglite");
  const { DurableNodeFS, durableStartParams } = await import("./durable-nodefs");
  const { drizzle } = await import("drizzle-orm/pglite");
  let pg: PGlite;
  try {
    pg = new PGlite({ fs: new DurableNodeFS(join(dir, "pg")), startParams: durableStartParams(PGlite.defaultStartParams) });
    await pg.waitReady;
  } catch (err) {
    release();
    if ((err as NodeJS.ErrnoException)?.code) throw dataDirError(err, dataDir);
    throw new DbConfigError(`DATA_DIR: cannot open the embedded database in ${dataDir}: ${(err as Error)?.message ?? err}`);
  }
  const db = drizzle(pg, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite: pg,
    close: async () => {
      await pg.close();
      release();
    },
  };
}
