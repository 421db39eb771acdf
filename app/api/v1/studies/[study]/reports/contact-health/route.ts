// GET /api/v1/studies/:study/reports/contact-health – working, bounced and unreached addresses; each wave's non-contacts
import { contactHealthEndpoint } from "../../../../../../../lib/api/endpoints/reports";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { getContactHealth } from "../../../../../../../lib/reports/get-contact-health";

export const dynamic = "force-dynamic";

export const GET = apiRoute(contactHealthEndpoint, async ({ rt, user, params, query, now }) => {
  const { study: _s, timeZone: _t, ...health } = await getContactHealth(rt.db, user, params.study, query, now);
  return ok(health);
});
