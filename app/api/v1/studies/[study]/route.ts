// GET /api/v1/studies/:study – a study's settings; PATCH – change them
import { getStudyEndpoint, updateStudyEndpoint } from "../../../../../lib/api/endpoints/studies";
import { apiRoute, ok } from "../../../../../lib/api/handler";
import { getStudySettings } from "../../../../../lib/studies/get-study-settings";
import { updateStudy } from "../../../../../lib/studies/update-study";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getStudyEndpoint, async ({ rt, user, params }) => ok(await getStudySettings(rt.db, user, params.study)));

export const PATCH = apiRoute(updateStudyEndpoint, async ({ rt, user, params, body, now }) => ok(await updateStudy(rt.db, user, params.study, body, now)));
