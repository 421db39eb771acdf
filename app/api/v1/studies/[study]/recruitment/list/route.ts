// GET /api/v1/studies/:study/recruitment/list – the recruitment list with contact details (admins only; audited)
import { recruitmentListEndpoint } from "../../../../../../../lib/api/endpoints/data";
import { apiRoute } from "../../../../../../../lib/api/handler";
import { downloadResponse } from "../../../../../../../lib/files/download";
import { exportRecruitmentList } from "../../../../../../../lib/recruitment/export-recruitment-list";

export const dynamic = "force-dynamic";

export const GET = apiRoute(recruitmentListEndpoint, async ({ rt, user, params, rawQuery, now }) =>
  downloadResponse(await exportRecruitmentList(rt.db, rt.config.personalDataKey, user, params.study, rawQuery, now)),
);
