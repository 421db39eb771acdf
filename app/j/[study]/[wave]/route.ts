// GET/POST /j/:study/:wave – the open link of a recruitment wave: start page, then a personal link.
import { showOpenLink, startOpenLink } from "../../../../lib/respondent/open-link";
import { formEntries, languageCookie, toResponse } from "../../../../lib/respondent/to-response";
import { keptForm, respondOrUnavailable } from "../../../../lib/respondent/unavailable";
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ study: string; wave: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    const { study, wave } = await params;
    const lang = new URL(req.url).searchParams.get("lang") ?? languageCookie(req.headers.get("cookie"));
    return toResponse(await showOpenLink(db, study, wave, { now: new Date(), acceptLanguage: req.headers.get("accept-language"), requestedLanguage: lang }));
  });
}

export async function POST(req: Request, { params }: Ctx) {
  const form = keptForm(() => formEntries(req));
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    const { study, wave } = await params;
    const lang = new Map(await form.read()).get("lang") ?? null;
    return toResponse(await startOpenLink(db, study, wave, { now: new Date(), acceptLanguage: req.headers.get("accept-language"), requestedLanguage: lang }));
  }, form);
}
