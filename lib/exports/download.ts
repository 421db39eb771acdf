// A staff download's failure as application/problem+json. The file types and the download
// response itself are in lib/files/download.ts.
import { asServiceUnavailable } from "../errors/unavailable";
import { AppError, ServiceUnavailable } from "../errors/app-error";
import { downloadResponse, type Download } from "../files/download";

/**
 * An error as application/problem+json: AppErrors with their status and safe message, anything
 * else as a generic 500 with a reference id (logged, never sent).
 */
export function problemResponse(thrown: unknown): Response {
  const err = asServiceUnavailable(thrown) ?? thrown;
  if (err instanceof AppError) {
    const retry: Record<string, string> = err instanceof ServiceUnavailable ? { "retry-after": String(err.retryAfterSeconds) } : {};
    return Response.json(
      { type: "about:blank", title: err.message, status: err.status, code: err.code, ...(err.issues.length ? { issues: err.issues } : {}) },
      { status: err.status, headers: { "content-type": "application/problem+json", ...retry } },
    );
  }
  const ref = Math.random().toString(36).slice(2, 10);
  console.error(`[${ref}]`, err);
  return Response.json(
    { type: "about:blank", title: "Something went wrong", status: 500, reference: ref },
    { status: 500, headers: { "content-type": "application/problem+json" } },
  );
}

/** Runs a download and answers with the file, or with the problem if it fails before streaming. */
export async function respondWithDownload(make: () => Promise<Download>): Promise<Response> {
  try {
    return downloadResponse(await make());
  } catch (e) {
    return problemResponse(e);
  }
}
