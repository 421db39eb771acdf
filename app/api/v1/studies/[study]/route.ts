// GET /api/v1/studies/:study – a study's settings
import { getStudyEndpoint } from "../../../../../lib/api/endpoints/studies";
import { apiRoute, ok } from "../../../../../lib/api/handler";
import { getStudySettings } from "../../../../../lib/studies/get-study-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getStudyEndpoint, async ({ rt, user, params }) => ok(await getStudySettings(rt.db, user, params.study)));
