// GET/POST /j/:study/:wave – the open link of a recruitment wave: start page, then a personal link.
import { showOpenLink, startOpenLink } from "../../../../lib/respondent/open-link";
import { languageTagOrNull } from "../../../../lib/i18n/language-tag";
import { formEntries, requestedLanguage, toResponse } from "../../../../lib/respondent/to-response";
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ study: string; wave: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { db } = await getRuntime();
  const { study, wave } = await params;
  return toResponse(await showOpenLink(db, study, wave, { now: new Date(), acceptLanguage: req.headers.get("accept-language"), requestedLanguage: requestedLanguage(req) }));
}

export async function POST(req: Request, { params }: Ctx) {
  const { db } = await getRuntime();
  const { study, wave } = await params;
  const lang = languageTagOrNull(new Map(await formEntries(req)).get("lang"));
  return toResponse(await startOpenLink(db, study, wave, { now: new Date(), acceptLanguage: req.headers.get("accept-language"), requestedLanguage: lang }));
}
