// Shared by the import's two POST routes: plain multipart or urlencoded form posts (no script
// needed) answered with a 303 to the import page, carrying the draft, the outcome or the error.
import { AppError, InvalidInput, NotFound, PayloadTooLarge, Unauthorized } from "../../../../../../lib/errors/app-error";
import { errorReference } from "../../../../../../lib/errors/problem";
import { readBodyLimited } from "../../../../../../lib/http/read-body";
import { MAX_IMPORT_BYTES } from "../../../../../../lib/panel/import-panel";
import type { StaffUser } from "../../../../../../lib/auth/current-user";
import { studyForUser } from "../../../../../../lib/auth/permissions";
import type { Runtime } from "../../../../../../lib/runtime";
import { slugSchema } from "../../../../../../lib/studies/study-schema";
import { assertSameOrigin, staffRequest } from "../../instruments/http";

/** Room for the multipart boundaries and the other fields around the file. */
const REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

class HiddenStudy extends Error {}

const see = (path: string) => new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });

/**
 * Runs one import step for the signed-in user and redirects: to `then`'s path on success, back to
 * the import page with the error (its message and field) otherwise, to sign-in without a session.
 */
export async function formPost(
  req: Request,
  params: Promise<{ slug: string }>,
  then: (c: { rt: Runtime; user: StaffUser; slug: string; form: FormData; base: string }) => Promise<string>,
): Promise<Response> {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) return new Response("Not found", { status: 404 });
  const base = `/studies/${slug.data}/panel/import`;
  const back = (message: string, field?: string, draft?: string) =>
    see(`${base}?${new URLSearchParams({ error: message.slice(0, 300), ...(field ? { field } : {}), ...(draft ? { draft } : {}) })}`);
  let draft: string | undefined;
  try {
    assertSameOrigin(req);
    const { rt, user } = await staffRequest(req);
    // A study the user may not see is a 404 before anything is read (its existence is not revealed).
    await studyForUser(rt.db, user, slug.data).catch((e) => {
      throw e instanceof NotFound ? new HiddenStudy() : e;
    });
    const body = await readBodyLimited(req, REQUEST_BYTES).catch((e) => {
      throw e instanceof PayloadTooLarge ? new InvalidInput("The file is too large", [{ path: "file", message: `At most ${MAX_IMPORT_BYTES / 1024 / 1024} MB per import; split the file` }]) : e;
    });
    const form = await new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData().catch(() => {
      throw new InvalidInput("Send the form again", [{ path: "file", message: "The form could not be read; choose the file again" }]);
    });
    draft = typeof form.get("draft") === "string" ? String(form.get("draft")) : undefined;
    return see(await then({ rt, user, slug: slug.data, form, base }));
  } catch (e) {
    if (e instanceof Unauthorized) return see(`/signin?next=${encodeURIComponent(base)}`);
    if (e instanceof HiddenStudy) return new Response("Not found", { status: 404 });
    if (e instanceof AppError) return back(e.issues[0]?.message ?? e.message, e.issues[0]?.path, e instanceof NotFound ? undefined : draft);
    const ref = errorReference();
    console.error(`[panel import ${ref}]`, e);
    return back(`Something went wrong (reference ${ref}).`);
  }
}
