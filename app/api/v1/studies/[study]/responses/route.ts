// GET /api/v1/studies/:study/responses – responses, wide or long, CSV or JSON, streamed; since= for nightly pulls
import { exportResponsesEndpoint } from "../../../../../../lib/api/endpoints/data";
import { exportResponsesApi } from "../../../../../../lib/exports/export-responses-api";
import { apiRoute } from "../../../../../../lib/api/handler";
import { downloadResponse } from "../../../../../../lib/files/download";

export const dynamic = "force-dynamic";

export const GET = apiRoute(exportResponsesEndpoint, async ({ rt, user, params, query, now }) =>
  downloadResponse(await exportResponsesApi(rt.db, rt.config.personalDataKey, user, params.study, query, now)),
);
