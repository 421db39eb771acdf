// PUT /api/v1/studies/:study/members/:user – add a member; DELETE – remove one (admins only)
import { addMemberEndpoint, removeMemberEndpoint } from "../../../../../../../lib/api/endpoints/users";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { addMembership, removeMembership } from "../../../../../../../lib/users/memberships";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(addMemberEndpoint, async ({ rt, user, params, now }) => {
  await addMembership(rt.db, user, params.user, { study: params.study }, now);
  return ok({ study: params.study, user: params.user, member: true });
});

export const DELETE = apiRoute(removeMemberEndpoint, async ({ rt, user, params, now }) => {
  await removeMembership(rt.db, user, params.user, { study: params.study }, now);
  return ok({ study: params.study, user: params.user, member: false });
});
