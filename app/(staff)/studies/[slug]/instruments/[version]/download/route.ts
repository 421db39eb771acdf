// GET /studies/:slug/instruments/:version/download?format=xlsx|json – a version as an XLSForm workbook or as JSON
import { NotFound } from "../../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../../lib/errors/problem";
import { downloadResponse } from "../../../../../../../lib/files/download";
import { exportVersion } from "../../../../../../../lib/instruments/export-version";
import { staffRequest } from "../../http";
import { slugSchema } from "../../../../../../../lib/studies/study-schema";
import { versionIdSchema } from "../../params";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string; version: string }> }) {
  try {
    const p = await ctx.params;
    const slug = slugSchema.safeParse(p.slug);
    const version = versionIdSchema.safeParse(p.version);
    const format = new URL(req.url).searchParams.get("format") === "json" ? "json" : "xlsx";
    if (!slug.success || !version.success) throw new NotFound("Instrument version not found");
    const { rt, user } = await staffRequest(req);
    return downloadResponse(await exportVersion(rt.db, user, slug.data, version.data, format));
  } catch (e) {
    return problemResponse(e);
  }
}
