// GET/POST /v/:token – "Was this you?": a panel member confirms (or denies) an open-link response
// that gave their address. GET only shows the question; the answer is in the POST's URL.
import { answerLinkRequestPage, showLinkRequest } from "../../../lib/respondent/link-request-page";
import { requestInfo, toResponse } from "../../../lib/respondent/to-response";
import { respondOrUnavailable } from "../../../lib/respondent/unavailable";
import { getRuntime } from "../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    return toResponse(await showLinkRequest(db, (await params).token, requestInfo(req)));
  });
}

export async function POST(req: Request, { params }: Ctx) {
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    const answer = new URL(req.url).searchParams.get("answer");
    return toResponse(await answerLinkRequestPage(db, (await params).token, answer, requestInfo(req)));
  });
}
