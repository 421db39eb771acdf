// GET /u/:token – the stop-emails page (changes nothing); POST /u/:token – stop emails (RFC 8058
// one-click "List-Unsubscribe=One-Click", or the page's button), or leave the study and erase the
// address (action=erase). Plain HTML for respondents' phones; the token is an HMAC, checked in lib.
import { z } from "zod";
import { getRuntime } from "../../../lib/runtime";
import { invalidUnsubscribePage, showUnsubscribePage, unsubscribeByPost } from "../../../lib/mail/unsubscribe";
import { formReader } from "../../../lib/respondent/read-form";
import { RESPONDENT_SECURITY_HEADERS } from "../../../lib/respondent/to-response";

export const dynamic = "force-dynamic";

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const HEADERS = {
  ...RESPONDENT_SECURITY_HEADERS,
  "content-type": "text/html; charset=utf-8",
  "x-robots-tag": "noindex",
};
const html = (p: { status: number; html: string }) => new Response(p.html, { status: p.status, headers: HEADERS });

export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  const token = tokenSchema.safeParse((await ctx.params).token);
  if (!token.success) return html(invalidUnsubscribePage());
  const rt = await getRuntime();
  return html(await showUnsubscribePage(rt.db, rt.config.personalDataKey, token.data, `/u/${token.data}`));
}

export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const token = tokenSchema.safeParse((await ctx.params).token);
  if (!token.success) return html(invalidUnsubscribePage());
  const rt = await getRuntime();
  const done = await unsubscribeByPost(rt.db, rt.config.personalDataKey, token.data, formReader(req), new Date());
  return html(done ?? invalidUnsubscribePage());
}
