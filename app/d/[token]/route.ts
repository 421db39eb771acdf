// GET /d/:token – My details: what the study holds (masked) and the form; POST /d/:token – save
// the changes (new addresses are used only once confirmed). Plain HTML; the token is an HMAC, checked in lib.
import { z } from "zod";
import { getRuntime } from "../../../lib/runtime";
import { postMyDetails, showMyDetails, unknownDetailsLink } from "../../../lib/respondent/my-details";
import { formReader } from "../../../lib/respondent/read-form";
import { requestInfo, toResponse } from "../../../lib/respondent/to-response";
import { keptForm, respondOrUnavailable } from "../../../lib/respondent/unavailable";

export const dynamic = "force-dynamic";

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
type Ctx = { params: Promise<{ token: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const token = tokenSchema.safeParse((await params).token);
  if (!token.success) return toResponse(unknownDetailsLink(requestInfo(req)));
  return respondOrUnavailable(req, async () => {
    const rt = await getRuntime();
    const info = { ...requestInfo(req), notice: new URL(req.url).searchParams.get("done") };
    return toResponse((await showMyDetails(rt.db, rt.config.personalDataKey, token.data, `/d/${token.data}`, info)) ?? unknownDetailsLink(info));
  });
}

export async function POST(req: Request, { params }: Ctx) {
  const token = tokenSchema.safeParse((await params).token);
  if (!token.success) return toResponse(unknownDetailsLink(requestInfo(req)));
  const form = keptForm(formReader(req));
  return respondOrUnavailable(req, async () => {
    const rt = await getRuntime();
    const info = requestInfo(req);
    return toResponse((await postMyDetails(rt.db, rt.config.personalDataKey, token.data, `/d/${token.data}`, form.reader, info)) ?? unknownDetailsLink(info));
  }, form);
}
