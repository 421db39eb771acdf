// GET /api/studies/:slug/reports/frequency – a frequency table as CSV (format=csv) or its bar chart as SVG (format=svg)
import { z } from "zod";
import { NotFound } from "../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../lib/errors/problem";
import { slugParam, staffDownload } from "../../../../../../lib/exports/staff-download";
import { exportFrequencyTable } from "../../../../../../lib/reports/export-frequency-table";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(["csv", "svg"]).catch("csv");

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await ctx.params).slug);
  if (!slug) return problemResponse(new NotFound("Study not found"));
  return staffDownload(req, (rt, user, { format, ...query }) => exportFrequencyTable(rt.db, user, slug, query, formatSchema.parse(format), new Date()));
}
