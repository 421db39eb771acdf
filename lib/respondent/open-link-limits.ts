// Per-client limits on the open link: how often one client may start it and create respondents.
import type { Db } from "../../db/client";
import { hitRateLimit } from "../../db/queries/rate-limits";
import { clientKey } from "../http/client-address";

const WINDOW_MS = 10 * 60_000;

/**
 * Starts (POST /j/…) and first saves (which create a participant) per client address in ten
 * minutes. Generous, because a reception centre's residents may share one address; low enough that
 * a script cannot fill the panel. Kept in the database, so every instance shares them.
 */
export const OPEN_LINK_LIMITS = { start: 30, create: 30 } as const;

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts this hit and says whether it is within the limit. */
export async function checkOpenLinkLimit(
  db: Db,
  key: Buffer,
  what: keyof typeof OPEN_LINK_LIMITS,
  client: string | null | undefined,
  now: Date,
): Promise<LimitVerdict> {
  const { count, resetAt } = await hitRateLimit(db, `open-${what}:${clientKey(key, client ?? null)}`, WINDOW_MS, now);
  if (count <= OPEN_LINK_LIMITS[what]) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)) };
}
