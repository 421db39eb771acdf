// GET /api/v1/studies/:study/reports/interviewees/classification – the interviewees as an NVivo case classification sheet (XLSX; audited)
import { classificationSheetEndpoint } from "../../../../../../../../lib/api/endpoints/reports";
import { apiRoute } from "../../../../../../../../lib/api/handler";
import { downloadResponse } from "../../../../../../../../lib/files/download";
import { exportClassificationSheet } from "../../../../../../../../lib/reports/interviewee-exports";

export const dynamic = "force-dynamic";

export const GET = apiRoute(classificationSheetEndpoint, async ({ rt, user, params, now }) =>
  downloadResponse(await exportClassificationSheet(rt.db, user, params.study, now)),
);
