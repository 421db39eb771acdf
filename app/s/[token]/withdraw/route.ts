// GET/POST /s/:token/withdraw – leave the study from inside the survey (confirm, then withdraw).
import { confirmWithdraw, showWithdraw } from "../../../../lib/respondent/withdraw-from-survey";
import { formReader } from "../../../../lib/respondent/read-form";
import { languageCookie, toResponse } from "../../../../lib/respondent/to-response";
import { keptForm, respondOrUnavailable } from "../../../../lib/respondent/unavailable";
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

const info = (req: Request) => ({
  now: new Date(),
  acceptLanguage: req.headers.get("accept-language"),
  requestedLanguage: languageCookie(req.headers.get("cookie")),
});

export async function GET(req: Request, { params }: Ctx) {
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    return toResponse(await showWithdraw(db, (await params).token, info(req)));
  });
}

export async function POST(req: Request, { params }: Ctx) {
  const form = keptForm(formReader(req));
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    return toResponse(await confirmWithdraw(db, (await params).token, info(req), form.reader));
  }, form);
}
