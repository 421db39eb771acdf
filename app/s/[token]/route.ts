// GET/POST /s/:token – a respondent's personal link: the current page, and saving a page.
import { clientIp } from "../../../lib/http/client-ip";
import { submitPersonalLink, showPersonalLink } from "../../../lib/respondent/personal-link";
import { formReader } from "../../../lib/respondent/read-form";
import { requestInfo, toResponse } from "../../../lib/respondent/to-response";
import { keptForm, respondOrUnavailable } from "../../../lib/respondent/unavailable";
import { getRuntime } from "../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return respondOrUnavailable(req, async () => {
    const { db, config } = await getRuntime();
    const q = new URL(req.url).searchParams;
    const opts = { done: q.get("done") === "1", step: q.get("step"), page: q.get("p"), entry: q.get("entry") };
    return toResponse(await showPersonalLink(db, config, (await params).token, requestInfo(req), opts));
  });
}

export async function POST(req: Request, { params }: Ctx) {
  const form = keptForm(formReader(req));
  return respondOrUnavailable(req, async () => {
    const { db, config } = await getRuntime();
    const info = { ...requestInfo(req), requestedLanguage: null, client: clientIp(req.headers, config.trustProxy) };
    return toResponse(await submitPersonalLink(db, config, (await params).token, form.reader, info));
  }, form);
}
