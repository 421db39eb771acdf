// Fixed-window counters shared by every instance (rate_limit_counters).
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { toDate, toNumber, ts } from "./raw";

/**
 * Counts one hit for `key` in the window of `windowMs` that is running at `now` (a new window
 * starts when the last one ended), atomically. Returns the count including this hit and when the
 * window ends. Rows of windows that ended are cleared, a hundred at a time, when a window starts.
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number, now: Date): Promise<{ count: number; resetAt: Date }> {
  const cutoff = new Date(now.getTime() - windowMs);
  const [r] = await executeRows<{ count: unknown; window_start: unknown }>(
    db,
    sql`insert into rate_limit_counters as c (key, window_start, count) values (${key}, ${ts(now)}, 1)
        on conflict (key) do update set
          count = case when c.window_start <= ${ts(cutoff)} then 1 else c.count + 1 end,
          window_start = case when c.window_start <= ${ts(cutoff)} then ${ts(now)} else c.window_start end
        returning c.count, c.window_start`,
  );
  const count = toNumber(r.count);
  const start = toDate(r.window_start)!;
  if (count === 1) {
    await executeRows(
      db,
      sql`delete from rate_limit_counters where key in
            (select key from rate_limit_counters where window_start <= ${ts(cutoff)} limit 100)`,
    );
  }
  return { count, resetAt: new Date(start.getTime() + windowMs) };
}
