// pg-boss on either database: through a connection string on the PostgreSQL server, and on the
// embedded PGlite through pg-boss's custom `db` option, sharing the app's one PGlite instance.
import PgBoss from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import type { DbHandle } from "../../db/client";

/** How often pg-boss's maintenance fails expired jobs (its default, 120 s, held mail up for minutes). */
export const MAINTENANCE_INTERVAL_SECONDS = 10;

/** pg-boss's database adapter over PGlite: parameterised queries, or multi-statement scripts. */
export function pgliteBossDb(pg: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return pg.query(text, values) as Promise<{ rows: unknown[] }>;
      const results = await pg.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

export function createBoss(handle: DbHandle, opts: { connectionString?: string; pollingIntervalSeconds?: number } = {}): PgBoss {
  const common = {
    schema: "pgboss",
    migrate: true,
    supervise: true,
    schedule: true,
    // Our jobs are triggers; their state lives in our tables. Keep little history.
    deleteAfterDays: 2,
    cronMonitorIntervalSeconds: 15,
    cronWorkerIntervalSeconds: 5,
    // Maintenance fails jobs past their expiry (those of a worker that died): check often.
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
  };
  if (handle.kind === "pglite") {
    if (!handle.pglite) throw new Error("the PGlite handle has no raw instance");
    return new PgBoss({ ...common, db: pgliteBossDb(handle.pglite) });
  }
  if (!opts.connectionString) throw new Error("pg-boss on the PostgreSQL server needs the connection string");
  return new PgBoss({ ...common, connectionString: opts.connectionString, max: 3, application_name: "panelwave-worker" });
}
