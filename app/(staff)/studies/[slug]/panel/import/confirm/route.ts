// POST /studies/:slug/panel/import/confirm – import the previewed file (by its draft and SHA-256)
import { confirmPanelImport } from "../../../../../../../lib/panel/panel-import-draft";
import { formPost } from "../form-post";

export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return formPost(req, ctx.params, async ({ rt, user, slug, form, base }) => {
    const r = await confirmPanelImport(rt.db, rt.config.personalDataKey, user, slug, String(form.get("draft") ?? ""), String(form.get("sha256") ?? ""), new Date());
    return `${base}?${new URLSearchParams({ imported: String(r.created), updated: String(r.updated), unchanged: String(r.unchanged), skipped: String(r.skipped) })}`;
  });
}
