// Request limits shared by every instance (fixed windows, one row per key).
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One counter per limited key (e.g. "open-start:<keyed hash of the client address>"): how many
 * hits since window_start. Kept in the database so several instances share one limit; rows whose
 * window ended are deleted as new hits come in.
 */
export const rateLimitCounters = pgTable("rate_limit_counters", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
