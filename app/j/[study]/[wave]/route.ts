// GET/POST /j/:study/:wave – the open link of a recruitment wave: start page, then a personal link.
import { clientAddress } from "../../../../lib/http/client-address";
import { showOpenLink, startOpenLink } from "../../../../lib/respondent/open-link";
import { rememberedOpenLink } from "../../../../lib/respondent/open-link-cookie";
import { formEntries, languageCookie, toResponse } from "../../../../lib/respondent/to-response";
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ study: string; wave: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { db, config } = await getRuntime();
  const { study, wave } = await params;
  const cookie = req.headers.get("cookie");
  const lang = new URL(req.url).searchParams.get("lang") ?? languageCookie(cookie);
  const info = { now: new Date(), acceptLanguage: req.headers.get("accept-language"), requestedLanguage: lang };
  return toResponse(await showOpenLink(db, config, study, wave, info, rememberedOpenLink(cookie)));
}

export async function POST(req: Request, { params }: Ctx) {
  const { db, config } = await getRuntime();
  const { study, wave } = await params;
  const lang = new Map(await formEntries(req)).get("lang") ?? null;
  const info = { now: new Date(), acceptLanguage: req.headers.get("accept-language"), requestedLanguage: lang, client: clientAddress(req.headers) };
  return toResponse(await startOpenLink(db, config, study, wave, info));
}
