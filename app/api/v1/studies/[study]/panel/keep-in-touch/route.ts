// GET /api/v1/studies/:study/panel/keep-in-touch – keep-in-touch mailings with their reports (counts only)
import { listKeepInTouchEndpoint } from "../../../../../../../lib/api/endpoints/panel";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { getKeepInTouchPage } from "../../../../../../../lib/panel/keep-in-touch";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listKeepInTouchEndpoint, async ({ rt, user, params }) => {
  const { mailings } = await getKeepInTouchPage(rt.db, user, params.study);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return ok({ mailings: mailings.map((m) => ({ ...m, sendAt: m.sendAt.toISOString(), sentAt: iso(m.sentAt), createdAt: m.createdAt.toISOString() })) });
});
