// The postgres.js pool behind the app's drizzle instance, replaced by a fresh one when a
// connection fails and again when the server answers after that. postgres.js 3.4.9 "poisons" a
// pooled connection that dies inside a transaction: its ROLLBACK is written after the socket is
// gone, which throws from a timer and leaves a write timer set, so that connection never sends
// another message and every later connect on it times out. The app would not recover from an
// outage by itself (porsager/postgres#1154, #1208; the fix is not released). Drizzle holds a
// stand-in that always points at the current pool.
import type { Options, Sql } from "postgres";
import { onDbCircuitChange } from "./availability";

export type ServerPool = { client: Sql; end(timeoutSeconds?: number): Promise<void> };

export async function createServerPool(url: string, options: Options<Record<string, never>>): Promise<ServerPool> {
  const { default: postgres } = await import("postgres");
  let current = postgres(url, options) as unknown as Sql;
  const retired = new Set<Promise<void>>();
  const stand = new Proxy(function () {} as unknown as Sql, {
    get: (_t, p) => Reflect.get(current as object, p),
    apply: (_t, self, args) => Reflect.apply(current as unknown as (...a: unknown[]) => unknown, self, args),
  });
  const recycle = () => {
    const old = current;
    current = postgres(url, options) as unknown as Sql;
    // drizzle set its type parsers on the first pool's options: carry them over.
    Object.assign(current.options.parsers, old.options.parsers);
    Object.assign(current.options.serializers, old.options.serializers);
    const ending = old.end({ timeout: 10 }).catch(() => {});
    retired.add(ending);
    void ending.finally(() => retired.delete(ending));
  };
  const off = onDbCircuitChange(recycle);
  return {
    client: stand,
    async end(timeoutSeconds = 5) {
      off();
      await Promise.all([current.end({ timeout: timeoutSeconds }), ...retired]);
    },
  };
}
