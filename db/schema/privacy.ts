// Links of erased participants: only the SHA-256 of each personal link's token, linked to nobody,
// so an erased person's old link shows a calm "no longer available" page instead of "not valid".
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const erasedLinks = pgTable("erased_links", {
  /** SHA-256 (hex) of a /s, /u or /v token that belonged to an erased participant. */
  tokenHash: text("token_hash").primaryKey(),
  erasedAt: timestamp("erased_at", { withTimezone: true }).notNull(),
});
