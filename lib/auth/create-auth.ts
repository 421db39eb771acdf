// better-auth configured on our drizzle schema: email + password (scrypt hashes), sessions in
// the database. Public sign-up is off: users are created by admins or `npm run admin:create`.
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../../db/client";
import { clearAttempts, deleteResetTokens } from "../../db/queries/auth-throttle";
import { isUserDeactivated } from "../../db/queries/users";
import { accounts, rateLimits, sessions, users, verifications } from "../../db/schema";
import type { Config } from "../config/load-config";
import { hashToken } from "../crypto/tokens";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { DEACTIVATED_MESSAGE } from "./password-flows";
import { accountKey, authThrottlePlugin } from "./sign-in-throttle";
import { trustedOrigins } from "./trusted-origins";

export type AuthConfig = Pick<Config, "authSecret" | "publicUrl" | "trustProxy" | "personalDataKey">;

/**
 * What better-auth stores instead of a verification secret ("reset-password:<token>"): its
 * purpose and the SHA-256 of the whole identifier. The '#' matters: better-auth also looks a
 * token up in plain form (for rows written before hashing was on), and a plain identifier always
 * has ':' there, so a stolen hash submitted as a token can never match a stored row.
 */
export function storedIdentifier(identifier: string): string {
  const purpose = /^[a-z-]+(?=:)/.exec(identifier)?.[0] ?? "token";
  return `${purpose}#${hashToken(identifier)}`;
}

/**
 * How a password-reset link reaches the user: auth builds the link, its caller sends it (lib/runtime.ts
 * queues it in the outbox), so auth does not depend on mail. `requestKey` is unique per request.
 */
export type SendResetLink = (r: { userId: string; url: string; minutes: number; requestKey: string }) => Promise<unknown>;

/**
 * What happens after someone sets a new password from a reset link (lib/runtime.ts records it in
 * the audit log; auth does not depend on the audit folder).
 */
export type OnPasswordReset = (user: { id: string; email: string; name: string; role: "admin" | "researcher" }) => Promise<unknown>;

/** Reset links live an hour. */
const RESET_LINK_SECONDS = 60 * 60;

export function createAuth(db: Db, config: AuthConfig, sendResetLink: SendResetLink, onReset: OnPasswordReset = async () => {}) {
  return betterAuth({
    appName: "Panelwave",
    secret: config.authSecret,
    baseURL: config.publicUrl,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      // A reset proves the mailbox: every session of the account ends (in the same transaction as
      // the new password), and every other pending link of the user dies with the used one.
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user }) => {
        await deleteResetTokens(db, user.id);
        await clearAttempts(db, accountKey(config, "sign-in", user.email));
        const role = (user as { role?: string }).role === "admin" ? "admin" : "researcher";
        await onReset({ id: user.id, email: user.email, name: user.name, role });
      },
      sendResetPassword: async ({ user, url, token }) => {
        // A deactivated account gets no link (the answer to the request is the same either way).
        if (await isUserDeactivated(db, user.id)) return;
        await sendResetLink({ userId: user.id, url, minutes: RESET_LINK_SECONDS / 60, requestKey: token });
      },
    },
    verification: { storeIdentifier: { default: { hash: async (identifier: string) => storedIdentifier(identifier) } } },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "researcher", input: false },
        deactivatedAt: { type: "date", required: false, input: false },
      },
    },
    // A deactivated account gets no new session, whichever way it signs in (its sessions were
    // deleted when it was deactivated: lib/users/manage-users.ts).
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            if (await isUserDeactivated(db, session.userId)) throw new APIError("FORBIDDEN", { code: "ACCOUNT_DEACTIVATED", message: DEACTIVATED_MESSAGE });
          },
        },
      },
    },
    // Requests to /api/auth/* are limited per client address in the database, shared by every
    // instance. The address is the one lib/http/client-ip.ts derives (TRUST_PROXY), put in
    // CLIENT_IP_HEADER by the route handler and the server actions; never a client's own header.
    rateLimit: { enabled: true, storage: "database", window: 60, max: 100 },
    // Origin checks on even under NODE_ENV=test (better-auth skips them there by default), so the
    // tests exercise what production does.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] }, disableOriginCheck: false },
    plugins: [authThrottlePlugin(db, config)],
    telemetry: { enabled: false },
    trustedOrigins: trustedOrigins(config.publicUrl),
  });
}

export type Auth = ReturnType<typeof createAuth>;
