// GET /api/v1/studies/:study/waves – waves with live counts; POST – create a wave
import { createWaveEndpoint, listWavesEndpoint } from "../../../../../../lib/api/endpoints/waves";
import { apiRoute, ok } from "../../../../../../lib/api/handler";
import { toNewWaveCommand } from "../../../../../../lib/api/wave-input";
import { getStudyOverview } from "../../../../../../lib/studies/get-study-overview";
import { createWave } from "../../../../../../lib/waves/create-wave";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listWavesEndpoint, async ({ rt, user, params }) => ok({ waves: (await getStudyOverview(rt.db, user, params.study)).waves }));

export const POST = apiRoute(createWaveEndpoint, async ({ rt, user, params, body, now }) => {
  const wave = await createWave(rt.db, user, params.study, toNewWaveCommand(body), now);
  return ok(wave, 201, { location: `/api/v1/studies/${params.study}/waves/${wave.slug}/fieldwork` });
});
