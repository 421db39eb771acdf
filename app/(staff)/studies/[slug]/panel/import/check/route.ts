// POST /studies/:slug/panel/import/check – check an uploaded panel file (multipart) as a dry run and show its preview
import { checkPanelFile } from "../../../../../../../lib/panel/panel-import-draft";
import { InvalidInput } from "../../../../../../../lib/errors/app-error";
import { formPost } from "../form-post";

export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return formPost(req, ctx.params, async ({ rt, user, slug, form, base }) => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new InvalidInput("Choose a file", [{ path: "file", message: "Choose the CSV or Excel (.xlsx) file with the panel" }]);
    const text = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : "");
    const id = await checkPanelFile(rt.db, rt.config.personalDataKey, user, slug, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, {
      // Updating people already in the panel is the screen's default.
      existing: text("existing") === "skip" ? "skip" : text("existing") === "error" ? "error" : "update",
      ...(text("dateFormat") ? { dateFormat: text("dateFormat") as never } : {}),
      ...(text("wordingVersion").trim() ? { wordingVersion: text("wordingVersion") } : {}),
    }, new Date());
    return `${base}?draft=${id}`;
  });
}
