// GET /studies/:slug/waves/:wave/qr-code – an open link's QR code as an SVG file to download
import { NotFound } from "../../../../../../../lib/errors/app-error";
import { problemResponse } from "../../../../../../../lib/errors/problem";
import { downloadResponse } from "../../../../../../../lib/files/download";
import { slugSchema } from "../../../../../../../lib/studies/study-schema";
import { getOpenLink } from "../../../../../../../lib/waves/open-link";
import { staffRequest } from "../../../instruments/http";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string; wave: string }> }) {
  try {
    const p = await ctx.params;
    const slug = slugSchema.safeParse(p.slug);
    const wave = slugSchema.safeParse(p.wave);
    if (!slug.success || !wave.success) throw new NotFound("Wave not found");
    const { rt, user } = await staffRequest(req);
    const o = await getOpenLink(rt.db, user, slug.data, wave.data, rt.config.publicUrl);
    const bytes = new TextEncoder().encode(o.svg);
    return downloadResponse({ filename: `${o.study.slug}-${o.wave.slug}-qr.svg`, contentType: "image/svg+xml", rows: null, body: (async function* () { yield bytes; })() });
  } catch (e) {
    return problemResponse(e);
  }
}
