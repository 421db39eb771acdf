// POST /api/v1/studies/:study/waves/:wave/close – close a wave now
import { closeWaveEndpoint } from "../../../../../../../../lib/api/endpoints/waves";
import { apiRoute, ok } from "../../../../../../../../lib/api/handler";
import { closeWaveNow } from "../../../../../../../../lib/waves/manage-wave";

export const dynamic = "force-dynamic";

export const POST = apiRoute(closeWaveEndpoint, async ({ rt, user, params, now }) => {
  const cancelledMessages = await closeWaveNow(rt.db, user, params.study, params.wave, now);
  return ok({ wave: params.wave, status: "closed", cancelledMessages });
});
