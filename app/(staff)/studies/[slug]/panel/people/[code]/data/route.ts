// GET /studies/:slug/panel/people/:code/data?format=json|html – everything held about one person
// (GDPR art. 15/20), admins only, audited (lib/privacy/access-export.ts).
import { accessDownload } from "../../../../../../../../lib/privacy/access-export";
import { staffDownload, slugParam } from "../../../../../../../../lib/exports/staff-download";
import { NotFound } from "../../../../../../../../lib/errors/app-error";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string; code: string }> }) {
  const p = await ctx.params;
  return staffDownload(req, async (rt, user, query) => {
    const slug = slugParam(p.slug);
    if (!slug || !/^[A-Za-z0-9_-]{1,32}$/.test(p.code)) throw new NotFound("Participant not found");
    return accessDownload(rt.db, rt.config.personalDataKey, user, slug, p.code, query.format ?? "json", new Date());
  });
}
