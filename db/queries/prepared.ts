// Named prepared statements for the hot paths (the respondent's page submit, the outbox).
//
// drizzle asks postgres.js to prepare a statement only when it is built with `.prepare(name)`;
// everything else is sent unprepared, and postgres.js then sends Parse/Describe first and waits
// for the parameter types before it can bind: two round trips per statement, and no pipelining on
// that connection. A prepared statement is parsed and planned once per connection and costs one
// round trip after that.
//
// Only the fixed statements listed by name here are prepared: dynamic SQL (bulk inserts, IN lists
// of any length) stays unprepared, so the statements a connection keeps are bounded by this list.
// Parameters are drizzle placeholders (`sql.placeholder("name")`), filled per call. A list is one
// array parameter (a JS array, `= any(${sql.placeholder("ids")}::bigint[])`), so the text does not
// change with its length. In raw SQL, timestamps are ISO strings cast `::timestamptz`, and arrays
// of them `::text[]::timestamptz[]`: drizzle's postgres.js setup passes timestamptz[] parameters
// through unserialized, which fails (db/queries/outbox.ts's mark-sent).
import type { SQL } from "drizzle-orm";
import type { Db } from "../client";

/** What drizzle's `.prepare(name)` gives: a statement executed with the placeholders' values. */
export type Prepared<R> = { execute(values?: Record<string, unknown>): Promise<R> };

/** Every statement name in use: a name is one statement (a second builder under it is a bug). */
const NAMES = new Set<string>();

/** Statements built per database handle or transaction (a transaction has its own session). */
const built = new WeakMap<object, Map<string, unknown>>();

/**
 * Declares a prepared statement: `build(db)` (a query builder ending in `.prepare(name)`) runs once
 * per database handle and once per transaction that uses it. Returns the function that gets it.
 */
export function preparedStatement<R>(name: string, build: (db: Db, name: string) => Prepared<R>): (db: Db) => Prepared<R> {
  if (NAMES.has(name)) throw new Error(`prepared statement ${name} is declared twice`);
  NAMES.add(name);
  return (db: Db) => {
    let forDb = built.get(db);
    if (!forDb) built.set(db, (forDb = new Map()));
    let p = forDb.get(name) as Prepared<R> | undefined;
    if (!p) forDb.set(name, (p = build(db, name)));
    return p;
  };
}

type Internals = {
  dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): Prepared<unknown> };
};

/**
 * A prepared statement of raw SQL (what the builder cannot say: FOR UPDATE SKIP LOCKED, CTEs),
 * answering its rows as objects on both drivers. drizzle's `db.execute` never prepares; this
 * goes through the same session (and so the same error handling) with a name.
 */
export function preparedSql<T = Record<string, unknown>>(name: string, build: () => SQL): (db: Db) => Prepared<T[]> {
  return preparedStatement<T[]>(name, (db, n) => {
    const { dialect, session } = db as unknown as Internals;
    const q = session.prepareQuery(dialect.sqlToQuery(build()), undefined, n, false);
    return {
      async execute(values) {
        const res = (await q.execute(values)) as unknown;
        return (Array.isArray(res) ? res : ((res as { rows?: T[] }).rows ?? [])) as T[];
      },
    };
  });
}

/** The names declared so far (tests: every hot-path statement is prepared). */
export function preparedStatementNames(): string[] {
  return [...NAMES];
}
