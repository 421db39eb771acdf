// The one way lib/ opens a transaction: transaction(db, fn). Work that must only happen once the
// data is visible to others (nudging the worker to send the mail just queued) is registered with
// afterCommit() and runs after COMMIT; a rollback drops it. Outside a transaction it runs at once.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "./client";

type Hook = () => void;
const pending = new AsyncLocalStorage<Hook[]>();

function run(hooks: Hook[]): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // After-commit work is best effort (a nudge): the committed transaction stands regardless.
    }
  }
}

/**
 * Runs fn in a transaction (a savepoint when db is already a transaction) and, once it commits,
 * the afterCommit hooks registered inside it. A nested transaction hands its hooks to the outer
 * one, so they wait for the real COMMIT; hooks of a rolled-back (sub)transaction never run.
 */
export async function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const hooks: Hook[] = [];
  const result = await pending.run(hooks, () => db.transaction((tx) => fn(tx as unknown as Db)));
  const outer = pending.getStore();
  if (outer) outer.push(...hooks);
  else run(hooks);
  return result;
}

/** Runs hook after the enclosing transaction() commits, or now when there is none. */
export function afterCommit(hook: Hook): void {
  const hooks = pending.getStore();
  if (hooks) hooks.push(hook);
  else run([hook]);
}
