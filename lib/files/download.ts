// What an export or a report hands to a route: a file name, a content type and a byte stream,
// and the HTTP response that sends it. Plain web APIs (Response, ReadableStream), no Next.js.

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

/** A small text file (syntax, codebook, SVG) as a download body. */
export async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, "utf8");
}
