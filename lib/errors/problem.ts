// The one writer of errors as application/problem+json (RFC 9457), for the API (/api/v1) and the
// staff routes (downloads, uploads): type, title, status, detail, code, and `errors` naming each
// field and what is wrong with it. Anything that is not an AppError is a 500 with a reference
// (random, from node:crypto) that is logged with the error; the error itself is never sent.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError, ServiceUnavailable, TooManyRequests, type FieldIssue } from "./app-error";
import { asServiceUnavailable } from "./unavailable";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Authentication required",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  413: "Request body too large",
  415: "Unsupported media type",
  422: "Validation failed",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

/** One field problem; imports add where it is in the file (sheet, row, column). */
export const problemErrorSchema = z
  .object({
    path: z.string().describe("The field, e.g. `opensAt`, `row 7.email` or `survey!C12`"),
    message: z.string(),
    sheet: z.string().optional(),
    row: z.number().int().optional(),
    column: z.string().optional(),
  })
  .meta({ id: "ProblemError" });

export const problemSchema = z
  .object({
    type: z.string().describe("A URI reference naming the kind of problem; it resolves to its explanation in /api-docs"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe("Stable machine-readable code, e.g. invalid_input, not_found, rate_limited"),
    errors: z.array(problemErrorSchema).optional(),
    reference: z.string().optional().describe("Quote it when reporting a 500: the server log has the details"),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
export type Problem = z.infer<typeof problemSchema>;

const HEADERS = { "content-type": "application/problem+json", "cache-control": "no-store" };

/** A short random id that ties a 500 answer to its line in the server log. */
export function errorReference(): string {
  return randomBytes(4).toString("hex");
}

/** The problem for any error: AppErrors as they are, anything else a 500 with a reference (logged, never sent). */
export function toProblem(thrown: unknown): { problem: Problem; headers: Record<string, string> } {
  // The database cannot be reached: a 503 with Retry-After, whatever layer noticed it.
  const err = asServiceUnavailable(thrown) ?? thrown;
  if (err instanceof AppError) {
    const headers: Record<string, string> = { ...HEADERS };
    if (err instanceof TooManyRequests || err instanceof ServiceUnavailable) headers["retry-after"] = String(err.retryAfterSeconds);
    const issues: FieldIssue[] = err.issues;
    return {
      problem: {
        type: `/api-docs#problem-${err.code}`,
        title: TITLES[err.status] ?? "Error",
        status: err.status,
        detail: err.message,
        code: err.code,
        ...(issues.length ? { errors: issues.map((i) => ({ ...i, path: i.path || "_" })) } : {}),
      },
      headers,
    };
  }
  const reference = errorReference();
  console.error(`[problem ${reference}]`, err);
  return {
    problem: { type: "/api-docs#problem-internal", title: TITLES[500], status: 500, detail: "Something went wrong on the server", code: "internal", reference },
    headers: { ...HEADERS },
  };
}

/** The HTTP response for an error, never cached; extraHeaders (e.g. rate-limit counters) are added. */
export function problemResponse(err: unknown, extraHeaders: Record<string, string> = {}): Response {
  const { problem, headers } = toProblem(err);
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { ...headers, ...extraHeaders } });
}
