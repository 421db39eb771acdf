// GET/POST /studies/:slug/instruments/:version/frame – one page of a version as the respondent sees it, for the preview frame; posting only navigates
import { readBodyLimited } from "../../../../../../../lib/http/read-body";
import { AppError, NotFound } from "../../../../../../../lib/errors/app-error";
import { escapeHtml } from "../../../../../../../lib/text/escape-html";
import { navigatePreview, renderPreview } from "../../../../../../../lib/instruments/render-preview";
import { assertSameOrigin, staffRequest } from "../../http";
import { slugSchema } from "../../../../../../../lib/studies/study-schema";
import { versionIdSchema } from "../../params";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string; version: string }> };

// No script may run and the form may only post back here: the preview cannot save anything.
const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-frame-options": "SAMEORIGIN",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'self'; base-uri 'none'",
  "x-content-type-options": "nosniff",
};

async function target(ctx: Ctx) {
  const p = await ctx.params;
  const slug = slugSchema.safeParse(p.slug);
  const version = versionIdSchema.safeParse(p.version);
  if (!slug.success || !version.success) throw new NotFound("Instrument version not found");
  return { slug: slug.data, version: version.data, self: `/studies/${slug.data}/instruments/${version.data}/frame` };
}

function errorPage(e: unknown): Response {
  const known = e instanceof AppError;
  if (!known) console.error("[preview frame]", e);
  const message = known ? e.message : "The preview could not be drawn.";
  return new Response(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview unavailable</title></head><body><main><h1>Preview unavailable</h1><p>${escapeHtml(message)}</p></main></body></html>`, { status: known ? e.status : 500, headers: HEADERS });
}

export async function GET(req: Request, ctx: Ctx) {
  try {
    const t = await target(ctx);
    const { rt, user } = await staffRequest(req);
    const q = new URL(req.url).searchParams;
    const html = await renderPreview(rt.db, user, t.slug, t.version, { page: q.get("page"), lang: q.get("lang"), end: q.get("end") === "1" }, { action: t.self, now: new Date() });
    return new Response(html, { headers: HEADERS });
  } catch (e) {
    return errorPage(e);
  }
}

/** The preview form's buttons: next, back or another language. Nothing is saved; answers are dropped. */
export async function POST(req: Request, ctx: Ctx) {
  try {
    const t = await target(ctx);
    assertSameOrigin(req);
    const { rt, user } = await staffRequest(req);
    const body = await readBodyLimited(req, 256 * 1024);
    const form = new URLSearchParams(new TextDecoder().decode(body));
    const field = (k: string) => form.get(k);
    const to = await navigatePreview(rt.db, user, t.slug, t.version, { page: field("_page"), lang: field("_lang"), action: field("_action") });
    const query = new URLSearchParams({ page: to.page, lang: to.lang, ...(to.end ? { end: "1" } : {}) });
    return new Response(null, { status: 303, headers: { location: `${t.self}?${query}`, "cache-control": "no-store" } });
  } catch (e) {
    return errorPage(e);
  }
}
