// GET /d/c/:token – asks to confirm a new address (changes nothing); POST – confirms it, once, for
// the participant whose My details link asked for it. One calm page for unknown, expired and used links.
import { z } from "zod";
import { getRuntime } from "../../../../lib/runtime";
import { postConfirmContact, showConfirmContact, unknownDetailsLink } from "../../../../lib/respondent/my-details";
import { requestInfo, toResponse } from "../../../../lib/respondent/to-response";
import { respondOrUnavailable } from "../../../../lib/respondent/unavailable";

export const dynamic = "force-dynamic";

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{27}$/);
type Ctx = { params: Promise<{ token: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const token = tokenSchema.safeParse((await params).token);
  if (!token.success) return toResponse(unknownDetailsLink(requestInfo(req)));
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    return toResponse(await showConfirmContact(db, token.data, `/d/c/${token.data}`, requestInfo(req)));
  });
}

export async function POST(req: Request, { params }: Ctx) {
  const token = tokenSchema.safeParse((await params).token);
  if (!token.success) return toResponse(unknownDetailsLink(requestInfo(req)));
  return respondOrUnavailable(req, async () => {
    const { db } = await getRuntime();
    return toResponse(await postConfirmContact(db, token.data, requestInfo(req)));
  });
}
