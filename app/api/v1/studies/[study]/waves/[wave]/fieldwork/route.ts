// GET /api/v1/studies/:study/waves/:wave/fieldwork – fieldwork counts, in total and by day
import { fieldworkEndpoint } from "../../../../../../../../lib/api/endpoints/waves";
import { apiRoute, ok } from "../../../../../../../../lib/api/handler";
import { getWaveDashboard } from "../../../../../../../../lib/waves/get-wave-dashboard";

export const dynamic = "force-dynamic";

export const GET = apiRoute(fieldworkEndpoint, async ({ rt, user, params }) => {
  const d = await getWaveDashboard(rt.db, user, params.study, params.wave);
  const { slug, name, mode, status, opensAt, closesAt } = d.wave;
  return ok({ wave: { slug, name, mode, status, opensAt, closesAt }, targets: d.targets, totals: d.fieldwork.totals, days: d.fieldwork.days, mail: d.mail, timeZone: d.timeZone });
});
