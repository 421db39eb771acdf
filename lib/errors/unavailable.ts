// One question for every boundary (respondent pages, staff pages, the API, downloads): does this
// error mean the database cannot be reached? Then the answer is a 503 with Retry-After.
import { isConnectionFailure } from "../../db/availability";
import { ServiceUnavailable } from "./app-error";

/** The ServiceUnavailable to answer with when err means the database is unreachable; else null. */
export function asServiceUnavailable(err: unknown): ServiceUnavailable | null {
  if (err instanceof ServiceUnavailable) return err;
  return isConnectionFailure(err) ? new ServiceUnavailable() : null;
}
