// GET/POST /j/:study/:wave – the open link of a recruitment wave: start page, then a personal link.
import { clientIp } from "../../../../lib/http/client-ip";
import { showOpenLink, startOpenLink } from "../../../../lib/respondent/open-link";
import { rememberedOpenLink } from "../../../../lib/respondent/open-link-cookie";
import { formReader } from "../../../../lib/respondent/read-form";
import { requestInfo, toResponse } from "../../../../lib/respondent/to-response";
import { keptForm, respondOrUnavailable } from "../../../../lib/respondent/unavailable";
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ study: string; wave: string }> };


export async function GET(req: Request, { params }: Ctx) {
  return respondOrUnavailable(req, async () => {
    const { db, config } = await getRuntime();
    const { study, wave } = await params;
    return toResponse(await showOpenLink(db, config, study, wave, requestInfo(req), rememberedOpenLink(req.headers.get("cookie"))));
  });
}

// The start form's language is read by lib once the wave is known to be open.
export async function POST(req: Request, { params }: Ctx) {
  const form = keptForm(formReader(req));
  return respondOrUnavailable(req, async () => {
    const { db, config } = await getRuntime();
    const { study, wave } = await params;
    const client = clientIp(req.headers, config.trustProxy);
    return toResponse(await startOpenLink(db, config, study, wave, { ...requestInfo(req), client }, form.reader));
  }, form);
}
