// Reads a request body with a size limit enforced before and while reading: a declared
// Content-Length over the limit is refused before a byte is read, and a body that streams past
// the limit is cut off there, so an oversized upload never sits whole in memory. A body that
// breaks off while it is read (the client went away) is a 400, not a 500. The one body reader of
// the API, the staff uploads and the respondent forms (lib/respondent/read-form.ts).
import { BadRequest, PayloadTooLarge } from "../errors/app-error";

export async function readBodyLimited(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read().catch(() => {
      throw new BadRequest("The request body could not be read to its end", [{ path: "body", message: "The body broke off" }]);
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLarge(limit);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
