// Maps what a lib/ call throws to what a server action returns to a staff form: an AppError's
// safe message and field issues, or a generic message with a reference id (details to the log).
import { z } from "zod";
import { AppError, type FieldIssue } from "../lib/errors/app-error";
import { errorReference } from "../lib/errors/problem";
import { asServiceUnavailable } from "../lib/errors/unavailable";
import { fieldIssues } from "../lib/errors/zod-issues";

/** A failure carries the HTTP status the same problem would have on a route (401, 404, 422…). */
export type ActionResult<T = undefined> = { ok: true; value: T } | { ok: false; status: number; message: string; issues: FieldIssue[] };

export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (thrown) {
    // The database cannot be reached: a 503 with its calm message, as on every route.
    const err = asServiceUnavailable(thrown) ?? thrown;
    if (err instanceof AppError) return { ok: false, status: err.status, message: err.message, issues: err.issues };
    if (err instanceof z.ZodError) {
      return { ok: false, status: 422, message: "Some input is not valid.", issues: fieldIssues(err) };
    }
    const ref = errorReference();
    console.error(`[action ${ref}]`, err);
    return { ok: false, status: 500, message: `Something went wrong (reference ${ref}).`, issues: [] };
  }
}
