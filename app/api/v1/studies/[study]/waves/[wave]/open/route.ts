// POST /api/v1/studies/:study/waves/:wave/open – open a wave now
import { openWaveEndpoint } from "../../../../../../../../lib/api/endpoints/waves";
import { apiRoute, ok } from "../../../../../../../../lib/api/handler";
import { openWaveNow } from "../../../../../../../../lib/waves/manage-wave";

export const dynamic = "force-dynamic";

export const POST = apiRoute(openWaveEndpoint, async ({ rt, user, params, now }) => {
  await openWaveNow(rt.db, user, params.study, params.wave, now);
  return ok({ wave: params.wave, status: "open" });
});
