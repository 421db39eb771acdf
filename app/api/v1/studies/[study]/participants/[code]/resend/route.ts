// POST /api/v1/studies/:study/participants/:code/resend – queue a wave's invitation to one person again
import { resendInvitationEndpoint } from "../../../../../../../../lib/api/endpoints/panel";
import { apiRoute, ok } from "../../../../../../../../lib/api/handler";
import { resendInvitation } from "../../../../../../../../lib/panel/participant-actions";

export const dynamic = "force-dynamic";

export const POST = apiRoute(resendInvitationEndpoint, async ({ rt, user, params, body, now }) =>
  ok(await resendInvitation(rt.db, user, params.study, params.code, body.wave, now)),
);
