// POST /api/v1/studies/:study/recruitment/steps – one step and/or note for several people, all or nothing
import { recordStepsEndpoint } from "../../../../../../../lib/api/endpoints/recruitment";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { recordSteps } from "../../../../../../../lib/recruitment/record-steps";

export const dynamic = "force-dynamic";

export const POST = apiRoute(recordStepsEndpoint, async ({ rt, user, params, body, now }) => ok(await recordSteps(rt.db, user, params.study, body, now)));
