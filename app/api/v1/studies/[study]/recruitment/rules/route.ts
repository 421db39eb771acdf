// GET /api/v1/studies/:study/recruitment/rules – the rules; POST – create or change one and back-fill it
import { listRulesEndpoint, saveRuleEndpoint } from "../../../../../../../lib/api/endpoints/data";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { getRecruitmentBoard } from "../../../../../../../lib/recruitment/get-recruitment-board";
import { saveRecruitmentRule } from "../../../../../../../lib/recruitment/save-recruitment-rule";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listRulesEndpoint, async ({ rt, user, params }) => {
  const { rules } = await getRecruitmentBoard(rt.db, user, params.study);
  return ok({ rules: rules.map(({ rule: _rule, stored, ...r }) => ({ ...r, trajectories: stored.trajectories, consent: stored.consent })) });
});

export const POST = apiRoute(saveRuleEndpoint, async ({ rt, user, params, body, now }) => ok(await saveRecruitmentRule(rt.db, user, params.study, body, now)));
