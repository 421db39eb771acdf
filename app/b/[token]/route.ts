// GET /b/:token – the interview booking page (changes nothing); POST /b/:token – book, move or
// cancel (action=book|move|cancel). Plain HTML for phones; the token is an HMAC, checked in lib.
import { z } from "zod";
import { getRuntime } from "../../../lib/runtime";
import { bookingByPost, calmBookingPage, showBookingPage } from "../../../lib/respondent/booking";
import { statusLanguage } from "../../../lib/respondent/load-link";
import { formReader } from "../../../lib/respondent/read-form";
import { RESPONDENT_SECURITY_HEADERS, requestInfo } from "../../../lib/respondent/to-response";
import { keptForm, respondOrUnavailable } from "../../../lib/respondent/unavailable";

export const dynamic = "force-dynamic";

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const HEADERS = { ...RESPONDENT_SECURITY_HEADERS, "content-type": "text/html; charset=utf-8", "x-robots-tag": "noindex" };
const html = (p: { status: number; html: string }) => new Response(p.html, { status: p.status, headers: HEADERS });
const calm = (req: Request) => html(calmBookingPage(statusLanguage(requestInfo(req))));

export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const token = tokenSchema.safeParse((await ctx.params).token);
  if (!token.success) return calm(req);
  const info = requestInfo(req);
  return respondOrUnavailable(req, async () => {
    const rt = await getRuntime();
    const page = await showBookingPage(rt.db, rt.config.personalDataKey, token.data, `/b/${token.data}`, { tz: new URL(req.url).searchParams.get("tz"), requested: info.requestedLanguage }, info.now);
    return page ? html(page) : calm(req);
  });
}

export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const token = tokenSchema.safeParse((await ctx.params).token);
  if (!token.success) return calm(req);
  const form = keptForm(formReader(req));
  const info = requestInfo(req);
  return respondOrUnavailable(req, async () => {
    const rt = await getRuntime();
    const done = await bookingByPost(rt.db, rt.config.personalDataKey, token.data, `/b/${token.data}`, form.reader, info.requestedLanguage ?? null, info.now);
    return done ? html(done) : calm(req);
  }, form);
}
