// POST /studies/:slug/instruments/upload – store an XLSForm or JSON file (multipart) as a new instrument version
import { readBodyLimited } from "../../../../../../lib/http/read-body";
import { AppError, InvalidInput, NotFound, PayloadTooLarge } from "../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../lib/errors/problem";
import { MAX_UPLOAD_REQUEST_BYTES, tooLargeMessage } from "../../../../../../lib/instruments/limits";
import { uploadInstrumentFile } from "../../../../../../lib/instruments/upload-instrument-file";
import { assertSameOrigin, staffRequest } from "../http";
import { slugSchema } from "../../../../../../lib/studies/study-schema";
import { versionPath } from "../params";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  try {
    const slug = slugSchema.safeParse((await ctx.params).slug);
    if (!slug.success) throw new NotFound("Study not found");
    assertSameOrigin(req);
    const { rt, user } = await staffRequest(req);
    const body = await readBodyLimited(req, MAX_UPLOAD_REQUEST_BYTES).catch((e) => {
      throw e instanceof PayloadTooLarge ? new AppError(tooLargeMessage(), "payload_too_large", 413) : e;
    });
    const form = await new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData().catch(() => {
      throw new InvalidInput("Send the file as multipart/form-data", [{ path: "file", message: "Choose a file to upload" }]);
    });
    const file = form.get("file");
    if (!(file instanceof File)) throw new InvalidInput("Choose a file to upload", [{ path: "file", message: "Choose a file to upload" }]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = await uploadInstrumentFile(rt.db, user, slug.data, { name: String(form.get("name") ?? ""), filename: file.name, bytes }, new Date());
    return Response.json({ ...r, url: versionPath(slug.data, r.versionId) }, { status: r.outcome === "created" ? 201 : 200, headers: { "cache-control": "no-store" } });
  } catch (e) {
    return problemResponse(e);
  }
}

