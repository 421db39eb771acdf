// GET /api/v1/studies/:study/reports/other-texts – one page of a question's "other, specify" texts (pseudonymous)
import { otherTextsEndpoint } from "../../../../../../../lib/api/endpoints/reports";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { listOtherTexts } from "../../../../../../../lib/reports/list-other-texts";

export const dynamic = "force-dynamic";

export const GET = apiRoute(otherTextsEndpoint, async ({ rt, user, params, query }) => ok(await listOtherTexts(rt.db, user, params.study, query)));
