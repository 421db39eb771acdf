// POST /studies/:slug/instruments/upload – store an XLSForm or JSON file (multipart) as a new instrument version.
// The upload form's script sends it with fetch and reads JSON; the same form sent as a plain post
// (scripts off, Accept: text/html) is answered with a redirect to the new version or back to the form.
import { readBodyLimited } from "../../../../../../lib/http/read-body";
import { AppError, InvalidInput, NotFound, PayloadTooLarge, Unauthorized } from "../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../lib/errors/problem";
import { MAX_UPLOAD_REQUEST_BYTES, tooLargeMessage } from "../../../../../../lib/instruments/limits";
import { uploadInstrumentFile } from "../../../../../../lib/instruments/upload-instrument-file";
import { assertSameOrigin, staffRequest } from "../http";
import { slugSchema } from "../../../../../../lib/studies/study-schema";
import { instrumentsPath, versionPath } from "../params";
import type { FileIssue } from "../issue-table";
import { uploadResultCookie } from "../upload-result";

export const dynamic = "force-dynamic";

/** The form's "A new instrument…" choice; the script sends the chosen name as `name` itself. */
const NEW = "__new__";

/** The instrument name: `name` from the script, or the plain form's choice (or the new name typed). */
function nameOf(form: FormData): string {
  const named = form.get("name");
  if (named !== null) return String(named);
  const chosen = String(form.get("instrument") ?? "");
  return chosen === NEW ? String(form.get("newName") ?? "") : chosen;
}

const seeOther = (location: string, setCookie?: string) =>
  new Response(null, { status: 303, headers: { location, "cache-control": "no-store", ...(setCookie ? { "set-cookie": setCookie } : {}) } });

export async function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const plain = (req.headers.get("accept") ?? "").includes("text/html");
  let slug: string | null = null;
  let name = "";
  let filename = "the file";
  try {
    const parsed = slugSchema.safeParse((await ctx.params).slug);
    if (!parsed.success) throw new NotFound("Study not found");
    slug = parsed.data;
    assertSameOrigin(req);
    const { rt, user } = await staffRequest(req);
    const body = await readBodyLimited(req, MAX_UPLOAD_REQUEST_BYTES).catch((e) => {
      throw e instanceof PayloadTooLarge ? new AppError(tooLargeMessage(), "payload_too_large", 413) : e;
    });
    const form = await new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData().catch(() => {
      throw new InvalidInput("Send the file as multipart/form-data", [{ path: "file", message: "Choose a file to upload" }]);
    });
    name = nameOf(form);
    const file = form.get("file");
    // A plain form sends an empty file part when none was chosen.
    if (!(file instanceof File) || (plain && !file.name)) throw new InvalidInput("Choose a file to upload", [{ path: "file", message: "Choose a file to upload" }]);
    filename = file.name;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = await uploadInstrumentFile(rt.db, user, slug, { name, filename: file.name, bytes }, new Date());
    const url = versionPath(slug, r.versionId);
    if (plain) {
      const { id, setCookie } = uploadResultCookie(url, { file: file.name, message: "", issues: r.warnings });
      return seeOther(`${url}?uploaded=${r.outcome}&result=${id}`, setCookie);
    }
    return Response.json({ ...r, url }, { status: r.outcome === "created" ? 201 : 200, headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (!plain || !slug) return problemResponse(e);
    const back = `${instrumentsPath(slug)}/new`;
    if (e instanceof Unauthorized) return seeOther(`/signin?next=${encodeURIComponent(back)}`);
    if (!(e instanceof AppError) || e.status === 403 || e.status === 404) return problemResponse(e);
    const { id, setCookie } = uploadResultCookie(back, { file: filename, message: e.message, issues: e.issues as FileIssue[] });
    return seeOther(`${back}?${new URLSearchParams({ instrument: name, result: id })}`, setCookie);
  }
}
