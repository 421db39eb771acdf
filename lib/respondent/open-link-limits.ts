// Per-client limits on the open link: how often one client may start it and create respondents.
import { createHmac } from "node:crypto";
import type { Db } from "../../db/client";
import { hitRateLimit } from "../../db/queries/rate-limits";
import { ipBucket } from "../http/client-ip";

const WINDOW_MS = 10 * 60_000;

/**
 * Starts (POST /j/…) and first saves (which create a participant) per client address in ten
 * minutes. Generous, because a reception centre's residents may share one address; low enough that
 * a script cannot fill the panel. Kept in the database, so every instance shares them.
 */
export const OPEN_LINK_LIMITS = { start: 30, create: 30 } as const;

/**
 * The key a client is counted under: a keyed hash of its address (an IPv6 address by its /64), so
 * no one's address is stored. An unknown address (no trusted peer) shares one bucket.
 */
export function clientKey(key: Buffer, ip: string | null): string {
  return createHmac("sha256", key).update(`panelwave/client/${ip ? ipBucket(ip) : "unknown"}`).digest("base64url").slice(0, 27);
}

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
