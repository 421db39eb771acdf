// GET /api/studies/:slug/exports/frequencies – the de-identified frequency tables (CSV, small cells suppressed)
import { NotFound } from "../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../lib/errors/problem";
import { exportFrequencies } from "../../../../../../lib/exports/export-frequencies";
import { slugParam, staffDownload } from "../../../../../../lib/exports/staff-download";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await ctx.params).slug);
  if (!slug) return problemResponse(new NotFound("Study not found"));
  return staffDownload(req, (rt, user, query) => exportFrequencies(rt.db, user, slug, query, new Date()));
}
