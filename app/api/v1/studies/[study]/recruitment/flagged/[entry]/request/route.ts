// GET /api/v1/studies/:study/recruitment/flagged/:entry/request – the interview request as it would be sent; POST – send it (invited)
import { previewRequestEndpoint, sendRequestEndpoint } from "../../../../../../../../../lib/api/endpoints/recruitment";
import { apiRoute, ok } from "../../../../../../../../../lib/api/handler";
import { previewInterviewRequest } from "../../../../../../../../../lib/recruitment/preview-interview-request";
import { sendInterviewRequest } from "../../../../../../../../../lib/recruitment/send-interview-request";

export const dynamic = "force-dynamic";

export const GET = apiRoute(previewRequestEndpoint, async ({ rt, user, params, query }) => {
  const { study: _s, ...p } = await previewInterviewRequest(rt.db, user, params.study, { id: params.entry, ...query }, rt.config.publicUrl);
  return ok(p);
});

export const POST = apiRoute(sendRequestEndpoint, async ({ rt, user, params, body, now }) =>
  ok(await sendInterviewRequest(rt.db, user, params.study, { id: params.entry, ...body }, now)),
);
