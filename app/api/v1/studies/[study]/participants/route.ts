// GET /api/v1/studies/:study/participants – pseudonymous participants with their status per wave
import { listParticipantsEndpoint } from "../../../../../../lib/api/endpoints/panel";
import { apiRoute, ok } from "../../../../../../lib/api/handler";
import { listParticipants } from "../../../../../../lib/panel/list-participants";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listParticipantsEndpoint, async ({ rt, user, params, query }) => ok(await listParticipants(rt.db, user, params.study, query)));
