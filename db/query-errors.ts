// What a failed query throws. drizzle-orm 0.45 wraps every driver error in a DrizzleQueryError
// whose message is "Failed query: <sql>\nparams: <values>", and the driver's own error carries the
// row in `detail` and `where`: a respondent's answers ended up in the server log. Here, once per
// process, drizzle's query path is wrapped so that a failed query throws
// - DbUnavailable (503; errors.ts) when the server cannot be reached, after the circuit of
//   availability.ts; while that circuit is open, queries fail at once without waiting;
// - otherwise a DatabaseQueryError: the SQL text (never the values), the SQLSTATE and the names
//   of the constraint, table and column; the server's message with quoted values blanked for data
//   errors (class 22); `cause.code` is kept for callers that test it (e.g. 23505).
// drizzle-orm is pinned exactly; drizzle's own option for this (maskParams) is not released yet.
import { DrizzleQueryError } from "drizzle-orm";
import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { unavailableError } from "./errors";
import { checkDbCircuit, isConnectionFailure, isServiceUnavailable, noteDbFailure, noteDbSuccess } from "./availability";

type DriverError = Error & {
  code?: string;
  severity?: string;
  constraint_name?: string;
  constraint?: string;
  table_name?: string;
  table?: string;
  column_name?: string;
  column?: string;
};

/** A query that failed, described without the values it carried. */
export class DatabaseQueryError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly query: string,
    cause: Error & { code?: string },
  ) {
    super(`Database query failed${cause.code ? ` (${cause.code})` : ""}: ${cause.message}\nquery: ${query.length > 2000 ? `${query.slice(0, 2000)}…` : query}`, { cause });
    this.name = "DatabaseQueryError";
    this.code = cause.code;
  }
}

/** The driver's error reduced to what cannot carry data: code, severity, names, a blanked message. */
function sanitizeDriverError(e: unknown): Error & { code?: string } {
  const d = (e ?? {}) as DriverError;
  const names = new Set([d.constraint_name ?? d.constraint, d.table_name ?? d.table, d.column_name ?? d.column].filter(Boolean));
  const raw = typeof d.message === "string" ? d.message : String(e);
  // Data errors (22xxx: invalid input syntax, out of range…) quote the offending value.
  const message = d.code?.startsWith("22") ? raw.replace(/"[^"]*"/g, (q) => (names.has(q.slice(1, -1)) ? q : '"…"')) : raw;
  const out = new Error(message) as Error & Record<string, unknown>;
  out.name = typeof d.name === "string" && d.name !== "Error" ? d.name : "DatabaseError";
  for (const [k, v] of Object.entries({ code: d.code, severity: d.severity, constraint_name: d.constraint_name ?? d.constraint, table_name: d.table_name ?? d.table, column_name: d.column_name ?? d.column })) {
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Turns whatever a database call threw into what the app may throw on (and log). Idempotent. */
export function translateDbError(e: unknown): unknown {
  if (isServiceUnavailable(e) || e instanceof DatabaseQueryError) return e;
  const driver = e instanceof DrizzleQueryError ? e.cause : e;
  if (isConnectionFailure(driver)) {
    noteDbFailure(driver);
    return unavailableError();
  }
  if (e instanceof DrizzleQueryError) return new DatabaseQueryError(e.query, sanitizeDriverError(e.cause ?? e));
  return e;
}

const PATCHED = Symbol.for("panelwave.queryErrors");

/** Wraps drizzle's one query path (every driver, every transaction) once per process. */
export function installQueryErrorHandling(): void {
  const proto = PgPreparedQuery.prototype as unknown as Record<string | symbol, unknown>;
  if (proto[PATCHED]) return;
  const original = proto.queryWithCache as (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
  proto.queryWithCache = async function (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) {
    checkDbCircuit();
    try {
      const result = await original.call(this, queryString, params, query);
      noteDbSuccess();
      return result;
    } catch (e) {
      throw translateDbError(e);
    }
  };
  proto[PATCHED] = true;
}

/** Whether a failed query broke a unique index (SQLSTATE 23505), however it was wrapped. */
export function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: string; cause?: { code?: string } } | null;
  return x?.code === "23505" || x?.cause?.code === "23505";
}
