// GET /api/studies/:slug/interviewees/qdpx – the interviewees as a REFI-QDA project (.qdpx: cases and their attributes)
import { NotFound } from "../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../lib/errors/problem";
import { slugParam, staffDownload } from "../../../../../../lib/exports/staff-download";
import { exportQdpx } from "../../../../../../lib/reports/interviewee-exports";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await ctx.params).slug);
  if (!slug) return problemResponse(new NotFound("Study not found"));
  return staffDownload(req, (rt, user) => exportQdpx(rt.db, user, slug, new Date()));
}
