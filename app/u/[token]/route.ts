// GET /u/:token – the stop-emails page (changes nothing); POST /u/:token – stop emails (RFC 8058
// one-click "List-Unsubscribe=One-Click", or the page's button), or leave the study and erase the
// address (action=erase). Plain HTML for respondents' phones; the token is an HMAC, checked in lib.
import { z } from "zod";
import { getRuntime } from "../../../lib/runtime";
import { invalidUnsubscribePage, showUnsubscribePage, unsubscribeByPost } from "../../../lib/respondent/unsubscribe";
import { statusLanguage } from "../../../lib/respondent/load-link";
import { formReader } from "../../../lib/respondent/read-form";
import { RESPONDENT_SECURITY_HEADERS, requestInfo } from "../../../lib/respondent/to-response";
import { keptForm, respondOrUnavailable } from "../../../lib/respondent/unavailable";

export const dynamic = "force-dynamic";

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const HEADERS = {
  ...RESPONDENT_SECURITY_HEADERS,
  "content-type": "text/html; charset=utf-8",
  "x-robots-tag": "noindex",
};
const html = (p: { status: number; html: string }) => new Response(p.html, { status: p.status, headers: HEADERS });
// A broken link belongs to nobody we know: its page speaks the language the request asks for.
const invalid = (req: Request) =>
  html(invalidUnsubscribePage(statusLanguage(requestInfo(req))));

export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const token = tokenSchema.safeParse((await ctx.params).token);
  if (!token.success) return invalid(req);
  return respondOrUnavailable(req, async () => {
    const rt = await getRuntime();
    const page = await showUnsubscribePage(rt.db, rt.config.personalDataKey, token.data, `/u/${token.data}`, requestInfo(req).requestedLanguage);
    return page ? html(page) : invalid(req);
  });
}

export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const token = tokenSchema.safeParse((await ctx.params).token);
  if (!token.success) return invalid(req);
  const form = keptForm(formReader(req));
  return respondOrUnavailable(req, async () => {
    const rt = await getRuntime();
    const done = await unsubscribeByPost(rt.db, rt.config.personalDataKey, token.data, form.reader, new Date(), requestInfo(req).requestedLanguage);
    return done ? html(done) : invalid(req);
  }, form);
}
