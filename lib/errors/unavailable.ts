// One question for every boundary (respondent pages, staff pages, the API, downloads): does this
// error mean the database cannot be reached? Then the answer is a 503 with Retry-After.
// Not `instanceof` alone: Next bundles lib/ into several chunks, and the database handle (shared
// on globalThis) throws the ServiceUnavailable of whichever bundle opened it.
import { isConnectionFailure, isServiceUnavailable } from "../../db/availability";
import { ServiceUnavailable } from "./app-error";

/** The ServiceUnavailable to answer with when err means the database is unreachable; else null. */
export function asServiceUnavailable(err: unknown): ServiceUnavailable | null {
  if (err instanceof ServiceUnavailable) return err;
  if (isServiceUnavailable(err)) return new ServiceUnavailable(err.message, err.retryAfterSeconds);
  return isConnectionFailure(err) ? new ServiceUnavailable() : null;
}
