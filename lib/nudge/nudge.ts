// An in-process nudge: code that queues mail or opens a wave calls nudge() so a running worker
// acts now instead of at the next minute. Without a worker it does nothing; the work still waits
// safely in the database for the next scheduled run. Inside a transaction() (db/transaction.ts)
// the nudge waits for the COMMIT, so the worker finds the work (and a rollback nudges nobody).
// Free of the job runner, so lib/mail and lib/waves can call it without importing pg-boss.
import { afterCommit } from "../../db/transaction";

export type NudgeTopic = "outbox" | "reconcile";
type Listener = (topic: NudgeTopic) => void;

const g = globalThis as unknown as { __panelwaveNudge?: Set<Listener> };
const listeners = (g.__panelwaveNudge ??= new Set<Listener>());

export function onNudge(fn: Listener): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

/** Wakes the worker for topic: now, or after the enclosing transaction() commits. */
export function nudge(topic: NudgeTopic): void {
  afterCommit(() => fire(topic));
}

function fire(topic: NudgeTopic): void {
  for (const fn of listeners) {
    try {
      fn(topic);
    } catch {
      // A listener's failure must never fail the request that queued the work.
    }
  }
}
