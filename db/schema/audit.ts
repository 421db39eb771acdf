// Who did what to which study: every export and every view of personal data.
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: text("user_id"),
    studyId: uuid("study_id"),
    action: text("action").notNull(),
    target: text("target"),
    rowCount: integer("row_count"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_study_at_idx").on(t.studyId, t.at),
    // The audit page's filters (newest first by id): by user, by action, by date range.
    index("audit_log_user_id_idx").on(t.userId, t.id),
    index("audit_log_action_id_idx").on(t.action, t.id),
    index("audit_log_at_idx").on(t.at),
  ],
);

/** Key/value facts about this installation (e.g. that the demo was seeded). */

export const meta = pgTable("meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
