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

/** Reads a JSON or JSONB column from a raw row (PGlite may answer it as text); null becomes {}. */
export function toObject(v: unknown): Record<string, unknown> {
  return (typeof v === "string" ? JSON.parse(v) : v ?? {}) as Record<string, unknown>;
}

/**
 * Only the named keys of a JSONB column, as an object without the keys it lacks: a direct lookup
 * per key, in objects of 50 keys joined by `||` (jsonb_build_object takes 100 arguments).
 */
export function pickKeys(column: SQL, keys: string[]): SQL {
  const parts: SQL[] = [];
  for (let i = 0; i < keys.length; i += 50) {
    const pairs = keys.slice(i, i + 50).map((k) => sql`${k}::text, ${column} -> ${k}::text`);
    parts.push(sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`);
  }
  return parts.length ? sql`jsonb_strip_nulls(${sql.join(parts, sql` || `)})` : sql`'{}'::jsonb`;
}

/** A list of values for `in (…)`; never empty (callers check first). */
export function list(values: (string | number)[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}
