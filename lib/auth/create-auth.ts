// better-auth configured on our drizzle schema: email + password (scrypt hashes), sessions in
// the database. Public sign-up is off: users are created by admins or `npm run admin:create`.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../../db/client";
import { accounts, sessions, users, verifications } from "../../db/schema";
import { queuePasswordReset } from "../mail/queue-mail";

export function createAuth(db: Db, opts: { secret: string; baseURL: string }) {
  return betterAuth({
    appName: "Panelwave",
    secret: opts.secret,
    baseURL: opts.baseURL,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: 60 * 60,
      // The reset link goes out through the outbox like every other email (and the local
      // mailbox when no SMTP server is configured); a repeated request queues one message.
      sendResetPassword: async ({ user, url, token }) => {
        await queuePasswordReset(db, { userId: user.id, url, minutes: 60, requestKey: token }, new Date());
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "researcher", input: false },
      },
    },
    telemetry: { enabled: false },
    // The app sits behind whatever PUBLIC_URL says; also accept localhost for the demo and tests.
    trustedOrigins: [opts.baseURL, "http://localhost:*", "http://127.0.0.1:*"],
  });
}

export type Auth = ReturnType<typeof createAuth>;
