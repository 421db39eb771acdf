// POST /api/v1/studies/:study/waves/:wave/reopen – reopen a closed wave until a new closing time
import { reopenWaveEndpoint } from "../../../../../../../../lib/api/endpoints/waves";
import { apiRoute, ok } from "../../../../../../../../lib/api/handler";
import { reopenWave } from "../../../../../../../../lib/waves/edit-wave";

export const dynamic = "force-dynamic";

export const POST = apiRoute(reopenWaveEndpoint, async ({ rt, user, params, body, now }) =>
  ok(await reopenWave(rt.db, user, params.study, params.wave, new Date(body.until), now)),
);
