// GET/POST /c/:token – re-consent: a new version of a consent's wording, agreed to or declined.
// GET only shows it; the answer is in the POST's URL (?answer=agree|decline&shown=<language>).
import { answerReconsent, showReconsent } from "../../../lib/respondent/reconsent-page";
import { requestInfo, toResponse } from "../../../lib/respondent/to-response";
import { respondOrUnavailable } from "../../../lib/respondent/unavailable";
import { getRuntime } from "../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    return toResponse(await showReconsent(db, (await params).token, requestInfo(req)));
  });
}

export async function POST(req: Request, { params }: Ctx) {
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    const url = new URL(req.url);
    return toResponse(await answerReconsent(db, (await params).token, url.searchParams.get("answer"), url.searchParams.get("shown"), requestInfo(req)));
  });
}
