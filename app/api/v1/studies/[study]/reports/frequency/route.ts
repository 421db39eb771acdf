// GET /api/v1/studies/:study/reports/frequency – a frequency table of one choice question as JSON
import { frequencyEndpoint } from "../../../../../../../lib/api/endpoints/data";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { getFrequencyTable } from "../../../../../../../lib/reports/get-frequency-table";

export const dynamic = "force-dynamic";

export const GET = apiRoute(frequencyEndpoint, async ({ rt, user, params, query, now }) => ok(await getFrequencyTable(rt.db, user, params.study, query, now)));
