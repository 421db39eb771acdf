// GET /api/studies/:slug/exports/codebook – the codebook of an export (CSV or XLSX)
import { NotFound } from "../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../lib/errors/problem";
import { exportCodebook } from "../../../../../../lib/exports/export-codebook";
import { slugParam, staffDownload } from "../../../../../../lib/exports/staff-download";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await ctx.params).slug);
  if (!slug) return problemResponse(new NotFound("Study not found"));
  return staffDownload(req, (rt, user, query) => exportCodebook(rt.db, user, slug, query, new Date()));
}
