// Helpers for raw SQL that must read the same on PGlite and postgres.js: postgres.js refuses Date
// parameters in raw queries and both drivers answer timestamps as text and bigints as text or numbers.
import { sql, type SQL } from "drizzle-orm";

/** A timestamptz parameter. */
export function ts(d: Date): SQL {
  return sql`${d.toISOString()}::timestamptz`;
}

/** Reads a timestamp column from a raw row. */
export function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  const s = String(v);
  return new Date(s.includes("T") ? s : s.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
}

/** Reads a count or bigint column from a raw row. */
export function toNumber(v: unknown): number {
  return v === null || v === undefined ? 0 : Number(v);
}

/**
 * Only the named keys of a JSONB column, as an object without the keys it lacks. Each key is a
 * direct lookup; past 50 keys (jsonb_build_object takes 100 arguments) the object is scanned.
 */
export function pickKeys(column: SQL, keys: string[]): SQL {
  if (keys.length === 0) return sql`'{}'::jsonb`;
  if (keys.length > 50) {
    return sql`coalesce((select jsonb_object_agg(e.key, e.value) from jsonb_each(${column}) e where e.key in (${list(keys)})), '{}'::jsonb)`;
  }
  return sql`jsonb_strip_nulls(jsonb_build_object(${sql.join(keys.map((k) => sql`${k}::text, ${column} -> ${k}::text`), sql`, `)}))`;
}

/** A list of values for `in (…)`; never empty (callers check first). */
export function list(values: (string | number)[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}
