// Errors of the HTTP API as application/problem+json (RFC 9457): type, title, status, detail,
// and `errors` naming each field and what is wrong with it.
import { z } from "zod";
import { asServiceUnavailable } from "../errors/unavailable";
import { AppError, ServiceUnavailable, type FieldIssue } from "../errors/app-error";

export class PayloadTooLarge extends AppError {
  constructor(limit: number) {
    super(`The request body is larger than ${formatBytes(limit)}`, "payload_too_large", 413);
  }
}

export class UnsupportedMediaType extends AppError {
  constructor(message: string) {
    super(message, "unsupported_media_type", 415);
  }
}

export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests for this token; retry after ${retryAfterSeconds} s`, "rate_limited", 429);
  }
}

export function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : `${Math.round(n / 1024)} KB`;
}

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

/** Builds the problem for any error: AppErrors as they are, anything else a 500 with a reference (logged, never sent). */
export function toProblem(thrown: unknown): { problem: Problem; headers: Record<string, string> } {
  // The database cannot be reached: a 503 with Retry-After, whatever layer noticed it.
  const err = asServiceUnavailable(thrown) ?? thrown;
  if (err instanceof AppError) {
    const headers: Record<string, string> = { ...HEADERS };
    if (err.status === 401) headers["www-authenticate"] = 'Bearer realm="panelwave"';
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
  const reference = Math.random().toString(36).slice(2, 10);
  console.error(`[api ${reference}]`, err);
  return {
    problem: { type: "/api-docs#problem-internal", title: TITLES[500], status: 500, detail: "Something went wrong on the server", code: "internal", reference },
    headers: { ...HEADERS },
  };
}

export function problemResponse(err: unknown, extraHeaders: Record<string, string> = {}): Response {
  const { problem, headers } = toProblem(err);
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { ...headers, ...extraHeaders } });
}

export class BadRequest extends AppError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message, "bad_request", 400, issues);
  }
}
