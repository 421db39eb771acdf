// GET /api/v1/studies/:study/reports/interviewees/qdpx – the interviewees as a REFI-QDA project (.qdpx; audited)
import { qdpxEndpoint } from "../../../../../../../../lib/api/endpoints/reports";
import { apiRoute } from "../../../../../../../../lib/api/handler";
import { downloadResponse } from "../../../../../../../../lib/files/download";
import { exportQdpx } from "../../../../../../../../lib/reports/interviewee-exports";

export const dynamic = "force-dynamic";

export const GET = apiRoute(qdpxEndpoint, async ({ rt, user, params, now }) =>
  downloadResponse(await exportQdpx(rt.db, user, params.study, now)),
);
