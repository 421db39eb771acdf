// PUT /api/v1/studies/:study/waves/:wave/schedule – replace the invitation and reminder schedule
import { scheduleWaveEndpoint } from "../../../../../../../../lib/api/endpoints/waves";
import { apiRoute, ok } from "../../../../../../../../lib/api/handler";
import { toScheduleCommand } from "../../../../../../../../lib/api/wave-input";
import { updateWaveSchedule } from "../../../../../../../../lib/waves/manage-wave";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(scheduleWaveEndpoint, async ({ rt, user, params, body, now }) =>
  ok(await updateWaveSchedule(rt.db, user, params.study, params.wave, toScheduleCommand(body), now)),
);
