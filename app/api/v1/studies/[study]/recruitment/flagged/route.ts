// GET /api/v1/studies/:study/recruitment/flagged – the flagged list (pseudonymous board)
import { listFlaggedEndpoint } from "../../../../../../../lib/api/endpoints/data";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { getRecruitmentBoard } from "../../../../../../../lib/recruitment/get-recruitment-board";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listFlaggedEndpoint, async ({ rt, user, params, query }) => {
  const b = await getRecruitmentBoard(rt.db, user, params.study, { status: query.status });
  return ok({ counts: b.counts, truncated: b.truncated, entries: b.entries.map(({ participantId: _p, ...e }) => e) });
});
