// GET /api/v1/studies/:study/reports/interviewees – the interviewees' characteristics (Table 2 of the reference study)
import { intervieweesEndpoint } from "../../../../../../../lib/api/endpoints/reports";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { getIntervieweeTable } from "../../../../../../../lib/reports/interviewee-table";

export const dynamic = "force-dynamic";

export const GET = apiRoute(intervieweesEndpoint, async ({ rt, user, params, now }) => {
  const { study: _s, ...t } = await getIntervieweeTable(rt.db, user, params.study, now);
  return ok(t);
});
