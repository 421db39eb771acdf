// GET/POST /s/:token/withdraw – leave the study from inside the survey (confirm, then withdraw).
import { confirmWithdraw, showWithdraw } from "../../../../lib/respondent/withdraw-from-survey";
import { formReader } from "../../../../lib/respondent/read-form";
import { languageCookie, toResponse } from "../../../../lib/respondent/to-response";
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

const info = (req: Request) => ({
  now: new Date(),
  acceptLanguage: req.headers.get("accept-language"),
  requestedLanguage: languageCookie(req.headers.get("cookie")),
});

export async function GET(req: Request, { params }: Ctx) {
  const { db } = await getRuntime();
  return toResponse(await showWithdraw(db, (await params).token, info(req)));
}

export async function POST(req: Request, { params }: Ctx) {
  const { db } = await getRuntime();
  return toResponse(await confirmWithdraw(db, (await params).token, info(req), formReader(req)));
}
