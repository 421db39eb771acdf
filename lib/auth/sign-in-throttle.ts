// Lock-outs against password guessing, as a better-auth plugin so that every way in is covered:
// the sign-in form's server action (auth.api, which better-auth's own rate limiter skips) and a
// script posting to /api/auth/sign-in/email alike. Counters live in the database (auth_throttle),
// so all instances share them; keys are keyed hashes of the email and of the client's address.
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Db } from "../../db/client";
import { clearAttempts, pruneAttempts, takeAttempt, type ThrottlePolicy } from "../../db/queries/auth-throttle";
import type { TrustProxy } from "../config/load-config";
import { keyedHash, normaliseEmail } from "../crypto/personal-data";
import { clientIp, ipBucket } from "../http/client-ip";

/** Per account: the 5th attempt in a row locks it for a minute, each further one doubles it (≤ 1 h). */
export const SIGN_IN_PER_ACCOUNT: ThrottlePolicy = { threshold: 5, baseSeconds: 60, capSeconds: 3600, resetAfterSeconds: 86_400 };
/** Per client address, across accounts (password spraying): 50 attempts, then 15 minutes. */
export const SIGN_IN_PER_ADDRESS: ThrottlePolicy = { threshold: 50, baseSeconds: 900, capSeconds: 900, resetAfterSeconds: 900 };
/** Reset links: 3 requests per address an hour, so nobody can flood someone's mailbox. */
export const RESET_PER_ACCOUNT: ThrottlePolicy = { threshold: 3, baseSeconds: 900, capSeconds: 3600, resetAfterSeconds: 3600 };
export const RESET_PER_ADDRESS: ThrottlePolicy = { threshold: 20, baseSeconds: 900, capSeconds: 900, resetAfterSeconds: 900 };

export type ThrottleOptions = { personalDataKey: Buffer; trustProxy: TrustProxy };

/** The same message whether or not the account exists: a lock-out reveals nothing. */
export function lockedMessage(until: Date | null, now: Date): string {
  const minutes = until ? Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) : 1;
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export const accountKey = (o: ThrottleOptions, purpose: string, email: string) => `${purpose}:account:${keyedHash(o.personalDataKey, "auth-throttle", normaliseEmail(email))}`;
const addressKey = (o: ThrottleOptions, purpose: string, ip: string) => `${purpose}:ip:${keyedHash(o.personalDataKey, "auth-throttle", ipBucket(ip))}`;

/**
 * Takes one attempt from the address's counter, then the account's. Throws 429 with a generic
 * message when either is locked. Exported for the tests.
 */
export async function takeAuthAttempt(
  db: Db,
  o: ThrottleOptions,
  a: { purpose: "sign-in" | "reset"; email: string; headers: Headers; now: Date },
): Promise<void> {
  const [perAddress, perAccount] = a.purpose === "sign-in" ? [SIGN_IN_PER_ADDRESS, SIGN_IN_PER_ACCOUNT] : [RESET_PER_ADDRESS, RESET_PER_ACCOUNT];
  const ip = clientIp(a.headers, o.trustProxy);
  const steps: [string, ThrottlePolicy][] = [...(ip ? [[addressKey(o, a.purpose, ip), perAddress] as [string, ThrottlePolicy]] : []), [accountKey(o, a.purpose, a.email), perAccount]];
  for (const [key, policy] of steps) {
    const r = await takeAttempt(db, key, policy, a.now);
    if (!r.allowed) {
      const retry = r.lockedUntil ? Math.max(1, Math.ceil((r.lockedUntil.getTime() - a.now.getTime()) / 1000)) : 60;
      throw new APIError("TOO_MANY_REQUESTS", { code: "TOO_MANY_ATTEMPTS", message: lockedMessage(r.lockedUntil, a.now) }, { "Retry-After": String(retry) });
    }
  }
}

const PRUNE_EVERY_MS = 10 * 60_000;
let nextPrune = 0;

/** The plugin: counts before /sign-in/email and /request-password-reset, forgives after a sign-in. */
export function authThrottlePlugin(db: Db, o: ThrottleOptions): BetterAuthPlugin {
  const purposeOf = (path: string) => (path === "/sign-in/email" ? "sign-in" : path === "/request-password-reset" ? "reset" : null);
  const emailOf = (body: unknown) => {
    const e = (body as { email?: unknown } | undefined)?.email;
    return typeof e === "string" ? e : null;
  };
  return {
    id: "panelwave-auth-throttle",
    hooks: {
      before: [
        {
          matcher: (ctx) => purposeOf(ctx.path ?? "") !== null,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (!email) return; // better-auth answers the malformed request itself
            const headers = ctx.headers ?? ctx.request?.headers ?? new Headers();
            await takeAuthAttempt(db, o, { purpose: purposeOf(ctx.path)!, email, headers, now: new Date() });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            const returned = ctx.context.returned;
            if (email && returned && !(returned instanceof APIError) && !(returned instanceof Response && !returned.ok)) {
              await clearAttempts(db, accountKey(o, "sign-in", email));
            }
            const now = Date.now();
            if (now >= nextPrune) {
              nextPrune = now + PRUNE_EVERY_MS;
              await pruneAttempts(db, new Date(now - 86_400_000));
            }
          }),
        },
      ],
    },
  };
}
