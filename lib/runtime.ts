// The process-wide runtime: configuration, database and auth, created once per process.
import { getDbHandle } from "../db";
import { unavailableAs } from "../db/errors";
import { ServiceUnavailable } from "./errors/app-error";
import { asServiceUnavailable } from "./errors/unavailable";
import type { Db, DbKind } from "../db/client";
import { createAuth, type Auth, type AuthConfig } from "./auth/create-auth";
import { loadConfig, type Config } from "./config/load-config";
import { queuePasswordReset } from "./mail/queue-mail";
import { recordAudit } from "./audit/record-audit";

export type Runtime = { config: Config; db: Db; dbKind: DbKind; auth: Auth };

const g = globalThis as unknown as { __panelwaveRuntime?: Promise<Runtime> };

// An unreachable database reaches lib/ and app/ as lib's ServiceUnavailable (an AppError: 503).
unavailableAs((e) => new ServiceUnavailable(e.message, e.retryAfterSeconds));

/**
 * Auth wired to the outbox: a reset link goes out like every other email (and to the local
 * mailbox when no SMTP server is configured); a repeated request queues one message. A password
 * set from a reset link is recorded in the audit log, as the user.
 */
export function createAppAuth(db: Db, config: AuthConfig): Auth {
  return createAuth(
    db,
    config,
    (r) => queuePasswordReset(db, config.personalDataKey, r, new Date()),
    (user) => recordAudit(db, user, { studyId: null, action: "user.password_reset", target: user.email, filter: {}, rowCount: null, outcome: { sessionsEnded: true } }, new Date()),
  );
}

export function getRuntime(): Promise<Runtime> {
  if (!g.__panelwaveRuntime) {
    const p = (async () => {
      const config = loadConfig();
      // A server that cannot be reached now is a 503 for this request; the next one tries again.
      const handle = await getDbHandle(config).catch((err) => {
        throw asServiceUnavailable(err) ?? err;
      });
      const auth = createAppAuth(handle.db, config);
      return { config, db: handle.db, dbKind: handle.kind, auth };
    })();
    g.__panelwaveRuntime = p;
    p.catch(() => {
      if (g.__panelwaveRuntime === p) g.__panelwaveRuntime = undefined;
    });
  }
  return g.__panelwaveRuntime;
}

/**
 * Tests only: makes getRuntime() answer with this runtime (a test database, a fixed key), so
 * route handlers can be called in-process; null forgets it, and the next call opens the real one.
 */
export function setRuntimeForTests(rt: Runtime | null): void {
  g.__panelwaveRuntime = rt ? Promise.resolve(rt) : undefined;
}
