// PATCH /api/v1/studies/:study/waves/:wave – change a wave; DELETE – delete one that has not opened
import { deleteWaveEndpoint, editWaveEndpoint } from "../../../../../../../lib/api/endpoints/waves";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { toWaveEditCommand } from "../../../../../../../lib/api/wave-input";
import { deleteWaveOfStudy, editWave } from "../../../../../../../lib/waves/edit-wave";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(editWaveEndpoint, async ({ rt, user, params, body, now }) =>
  ok(await editWave(rt.db, user, params.study, params.wave, toWaveEditCommand(body), now)),
);

export const DELETE = apiRoute(deleteWaveEndpoint, async ({ rt, user, params, now }) => {
  await deleteWaveOfStudy(rt.db, user, params.study, params.wave, now);
  return ok({ deleted: params.wave });
});
