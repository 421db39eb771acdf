// The process-wide runtime: configuration, database and auth, created once per process.
import { getDbHandle } from "../db";
import { unavailableAs } from "../db/errors";
import { ServiceUnavailable } from "./errors/app-error";
import { asServiceUnavailable } from "./errors/unavailable";
import type { Db, DbKind } from "../db/client";
import { createAuth, type Auth } from "./auth/create-auth";
import { loadConfig, type Config } from "./config/load-config";

export type Runtime = { config: Config; db: Db; dbKind: DbKind; auth: Auth };

const g = globalThis as unknown as { __panelwaveRuntime?: Promise<Runtime> };

// An unreachable database reaches lib/ and app/ as lib's ServiceUnavailable (an AppError: 503).
unavailableAs((e) => new ServiceUnavailable(e.message, e.retryAfterSeconds));

export function getRuntime(): Promise<Runtime> {
  if (!g.__panelwaveRuntime) {
    const p = (async () => {
      const config = loadConfig();
      // A server that cannot be reached now is a 503 for this request; the next one tries again.
      const handle = await getDbHandle(config).catch((err) => {
        throw asServiceUnavailable(err) ?? err;
      });
      const auth = createAuth(handle.db, config);
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
