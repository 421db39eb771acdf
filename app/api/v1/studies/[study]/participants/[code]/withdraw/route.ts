// POST /api/v1/studies/:study/participants/:code/withdraw – withdraw a person on their request (admins)
import { withdrawParticipantEndpoint } from "../../../../../../../../lib/api/endpoints/panel";
import { apiRoute, ok } from "../../../../../../../../lib/api/handler";
import { withdrawOnRequest } from "../../../../../../../../lib/panel/participant-actions";

export const dynamic = "force-dynamic";

export const POST = apiRoute(withdrawParticipantEndpoint, async ({ rt, user, params, now }) =>
  ok(await withdrawOnRequest(rt.db, user, params.study, params.code, params.code, now)),
);
