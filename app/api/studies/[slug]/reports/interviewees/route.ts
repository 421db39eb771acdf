// GET /api/studies/:slug/reports/interviewees – the interviewees' characteristics (Table 2) as CSV
import { NotFound } from "../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../lib/errors/problem";
import { slugParam, staffDownload } from "../../../../../../lib/exports/staff-download";
import { exportIntervieweeTable } from "../../../../../../lib/reports/interviewee-table";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await ctx.params).slug);
  if (!slug) return problemResponse(new NotFound("Study not found"));
  return staffDownload(req, (rt, user) => exportIntervieweeTable(rt.db, user, slug, new Date()));
}
