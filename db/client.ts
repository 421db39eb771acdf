// The database client factory: PostgreSQL server through postgres.js when DATABASE_URL is set,
// embedded PGlite in a local data folder otherwise. One schema and one migrations folder serve both.
import { resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql, type SQL } from "drizzle-orm";
import * as schema from "./schema";
import { DbConfigError } from "./errors";
import { checkDbCircuit } from "./availability";
import { openEmbeddedDb } from "./embedded";
import { installQueryErrorHandling, translateDbError } from "./query-errors";
import { createServerPool } from "./server-pool";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = "pglite" | "postgres";

export type DbHandle = {
  db: Db;
  kind: DbKind;
  /** The raw PGlite instance (embedded only); used by pg-boss. */
  pglite?: PGlite;
  /** The raw postgres.js client (server only). */
  sqlClient?: import("postgres").Sql;
  /** The connection string (server only). */
  url?: string;
  close: () => Promise<void>;
};

export { DbConfigError, openEmbeddedDb };

// Failed queries never carry their values into errors or logs; a lost server answers 503 fast.
installQueryErrorHandling();

export const MIGRATIONS_FOLDER = resolve(process.cwd(), "db/migrations");

/** Checks DATABASE_URL's form before any connection is tried. */
export function parseDatabaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DbConfigError(
      `DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)`,
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new DbConfigError(
      `DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}//`,
    );
  }
  if (!url.pathname || url.pathname === "/") {
    throw new DbConfigError(`DATABASE_URL names no database (add /dbname after the host)`);
  }
  for (const [part, value] of [["user name", url.username], ["password", url.password], ["database name", url.pathname]]) {
    try {
      decodeURIComponent(value);
    } catch {
      throw new DbConfigError(`DATABASE_URL has a malformed %-escape in its ${part} (write a literal % as %25)`);
    }
  }
  return url;
}

function describeConnectError(err: unknown, url: URL): string {
  const e = err as { code?: string; message?: string };
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  if (e?.code === "ECONNREFUSED") return `DATABASE_URL: no PostgreSQL server answers at ${where} (connection refused)`;
  if (e?.code === "ENOTFOUND") return `DATABASE_URL: host ${url.hostname} not found`;
  if (e?.code === "3D000") return `DATABASE_URL: database ${url.pathname.slice(1)} does not exist on ${url.hostname}`;
  if (e?.code === "28P01" || e?.code === "28000") return `DATABASE_URL: the server at ${where} refused the user or password`;
  return `DATABASE_URL: cannot connect to ${where}: ${e?.message ?? String(err)}`;
}

/** Connects to the PostgreSQL server (a pool of `max` connections) and checks the connection with one query. */
export async function openServerDb(raw: string, opts: { max: number }): Promise<DbHandle> {
  const url = parseDatabaseUrl(raw);
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const pool = await createServerPool(raw, {
    max: opts.max,
    onnotice: () => {},
    // Fail fast when the server is down: a connection attempt gives up after 5 s, and the pool
    // retries at most a second apart (postgres.js's own backoff grows to 20 s, and queued queries
    // waited that long). availability.ts answers 503 at once while the server stays down.
    connect_timeout: 5,
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
  });
  const client = pool.client;
  try {
    await client`select 1`;
  } catch (err) {
    await pool.end(1).catch(() => {});
    throw new DbConfigError(describeConnectError(err, url), { cause: err });
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  guardTransactions(db);
  return { db, kind: "postgres", sqlClient: client, url: raw, close: () => pool.end(5) };
}

/**
 * A transaction's BEGIN waits for a pool connection outside drizzle's query path: give it the
 * same circuit and error translation as every query (query-errors.ts).
 */
function guardTransactions(db: Db): void {
  const begin = db.transaction.bind(db);
  db.transaction = (async (fn: Parameters<Db["transaction"]>[0], config?: Parameters<Db["transaction"]>[1]) => {
    checkDbCircuit();
    try {
      return await begin(fn, config);
    } catch (e) {
      throw translateDbError(e);
    }
  }) as Db["transaction"];
}

/** Which database to open: lib/config's loadDatabaseSettings reads and checks it from the environment. */
export type DbSettings = { databaseUrl?: string; dataDir: string; databasePoolSize: number };

/** Opens the database the settings name: the PostgreSQL server, or the embedded one in dataDir. */
export function openDb(s: DbSettings): Promise<DbHandle> {
  return s.databaseUrl ? openServerDb(s.databaseUrl, { max: s.databasePoolSize }) : openEmbeddedDb(s.dataDir);
}

/** The advisory lock key that serialises migrations and first-start seeding across instances. */
const SETUP_LOCK_KEY = 7216541230;

/**
 * Runs fn while holding a PostgreSQL session advisory lock, on a connection of its own (so the
 * pool stays free for fn). Instances that start together queue here instead of racing through
 * migrations; the lock goes with the connection, so a process that dies mid-way frees it. The
 * embedded database needs none: one process opens the data folder.
 */
export async function withSetupLock<T>(handle: DbHandle, fn: () => Promise<T>): Promise<T> {
  if (handle.kind !== "postgres" || !handle.url) return fn();
  const { default: postgres } = await import("postgres");
  const lock = postgres(handle.url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await lock.unsafe(`select pg_advisory_lock(${SETUP_LOCK_KEY})`);
    return await fn();
  } finally {
    await lock.end({ timeout: 5 }).catch(() => {});
  }
}

/** Applies the committed migrations (idempotent), under the set-up lock. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  await withSetupLock(handle, () => applyMigrations(handle));
}

/** Applies the committed migrations; call it inside withSetupLock. */
export async function applyMigrations(handle: DbHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** Runs raw SQL and returns rows on both drivers (PGlite answers { rows }, postgres.js an array). */
export async function executeRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

export async function ping(db: Db): Promise<void> {
  await executeRows(db, sql`select 1 as ok`);
}

/** An in-memory PGlite database (tests, benchmarks): nothing on disk, no lock file. */
export async function openMemoryDb(): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const pg = new PGlite();
  await pg.waitReady;
  const db = drizzle(pg, { schema }) as unknown as Db;
  return { db, kind: "pglite", pglite: pg, close: () => pg.close() };
}
