import { ping } from "../../db/client";
import { setMeta } from "../../db/queries/meta";
import { configuredDbKind } from "../config/load-config";
import { getRuntime } from "../runtime";

export type Health = {
  /** ok: reads and writes work; degraded: the database answers but cannot write (full disk, read-only); error: unreachable. */
  status: "ok" | "degraded" | "error";
  db: "pglite" | "postgres" | "unknown";
  error?: string;
};

class TimedOut extends Error {}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Checks that the database answers a read and commits a small write (a heartbeat row in `meta`),
 * each within timeoutMs. A database that reads but cannot write (a full disk, a read-only
 * standby) is "degraded": every page that saves would fail. Never throws.
 */
export async function getHealth(opts: { timeoutMs?: number; now?: Date } = {}): Promise<Health> {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const kind = configuredDbKind();
  let rt;
  try {
    rt = await within(getRuntime(), timeoutMs);
    await within(ping(rt.db), timeoutMs);
  } catch {
    return { status: "error", db: kind, error: "database unreachable" };
  }
  try {
    await within(setMeta(rt.db, "health-check", { at: (opts.now ?? new Date()).toISOString() }), timeoutMs);
  } catch (err) {
    const why = err instanceof TimedOut ? `took longer than ${timeoutMs} ms` : "failed";
    return { status: "degraded", db: rt.dbKind, error: `the database answers but a write ${why}` };
  }
  return { status: "ok", db: rt.dbKind };
}
