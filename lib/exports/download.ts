// What an export hands to a route: a file name, a content type and a byte stream. Plain web
// APIs (Response, ReadableStream), no Next.js.
import { asServiceUnavailable } from "../errors/unavailable";
import { AppError, ServiceUnavailable } from "../errors/app-error";

export type Download = {
  filename: string;
  contentType: string;
  /** Rows in the file (what the audit log recorded), when known. */
  rows: number | null;
  body: AsyncIterable<Uint8Array>;
};

export const CSV_TYPE = "text/csv; charset=utf-8";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function toReadableStream(body: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** The HTTP response of a download: attachment, never cached (it may hold personal data). */
export function downloadResponse(d: Download): Response {
  const ascii = d.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(toReadableStream(d.body), {
    headers: {
      "content-type": d.contentType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.filename)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

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

/** A small text file (syntax, codebook, SVG) as a download body. */
export async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, "utf8");
}
