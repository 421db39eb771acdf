// GET /link – Lost your link?: the form; POST /link – the same answer for every address, at once;
// the links are looked up and queued after the response (next/server after()).
import { after } from "next/server";
import { clientIp } from "../../lib/http/client-ip";
import { postLostLink, showLostLink } from "../../lib/respondent/lost-link-page";
import { formReader } from "../../lib/respondent/read-form";
import { requestInfo, toResponse } from "../../lib/respondent/to-response";
import { keptForm, respondOrUnavailable } from "../../lib/respondent/unavailable";
import { getRuntime } from "../../lib/runtime";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return toResponse(showLostLink(requestInfo(req)));
}

export async function POST(req: Request) {
  const form = keptForm(formReader(req));
  return respondOrUnavailable(req, async () => {
    const rt = await getRuntime();
    const r = await postLostLink(rt.db, rt.config.personalDataKey, form.reader, clientIp(req.headers, rt.config.trustProxy), requestInfo(req));
    // after() needs Next's request scope; called directly (tests), the work runs unawaited instead.
    if (r.work) {
      try {
        after(r.work);
      } catch {
        void r.work();
      }
    }
    return toResponse(r.outcome);
  }, form);
}
