// GET /api/studies/:slug/exports/syntax/:tool – SPSS (spss), Stata (stata) or R (r) file that reads the CSV export and applies labels
import { NotFound } from "../../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../../lib/errors/problem";
import { exportSyntax, syntaxToolSchema } from "../../../../../../../lib/exports/export-syntax";
import { slugParam, staffDownload } from "../../../../../../../lib/exports/staff-download";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string; tool: string }> }) {
  const p = await ctx.params;
  const slug = slugParam(p.slug);
  const tool = syntaxToolSchema.safeParse(p.tool);
  if (!slug || !tool.success) return problemResponse(new NotFound());
  return staffDownload(req, (rt, user, query) => exportSyntax(rt.db, user, slug, tool.data, query, new Date()));
}
