// GET /api/studies/:slug/recruitment-list – the interview recruitment list with emails, CSV or XLSX (admins only; audited)
import { NotFound } from "../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../lib/errors/problem";
import { slugParam, staffDownload } from "../../../../../lib/exports/staff-download";
import { exportRecruitmentList } from "../../../../../lib/recruitment/export-recruitment-list";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await ctx.params).slug);
  if (!slug) return problemResponse(new NotFound("Study not found"));
  return staffDownload(req, (rt, user, query) => exportRecruitmentList(rt.db, rt.config.personalDataKey, user, slug, query, new Date()));
}
