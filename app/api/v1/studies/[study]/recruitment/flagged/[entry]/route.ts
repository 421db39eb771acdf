// PATCH /api/v1/studies/:study/recruitment/flagged/:entry – record a person's step and/or notes
import { updateFlaggedEndpoint } from "../../../../../../../../lib/api/endpoints/data";
import { apiRoute, ok } from "../../../../../../../../lib/api/handler";
import { updateBoardEntry } from "../../../../../../../../lib/recruitment/update-board-entry";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(updateFlaggedEndpoint, async ({ rt, user, params, body, now }) =>
  ok(await updateBoardEntry(rt.db, user, params.study, { ...body, id: params.entry }, now)),
);
