// GET /api/studies/:slug/exports/responses – responses, wide or long, CSV or XLSX; identifiers for admins only (audited)
import { NotFound } from "../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../lib/errors/problem";
import { exportResponses } from "../../../../../../lib/exports/export-responses";
import { slugParam, staffDownload } from "../../../../../../lib/exports/staff-download";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await ctx.params).slug);
  if (!slug) return problemResponse(new NotFound("Study not found"));
  return staffDownload(req, (rt, user, query) => exportResponses(rt.db, rt.config.personalDataKey, user, slug, query, new Date()));
}
