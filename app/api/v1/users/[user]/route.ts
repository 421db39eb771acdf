// PATCH /api/v1/users/:user – change the role, deactivate or reactivate (admins only)
import { updateUserEndpoint } from "../../../../../lib/api/endpoints/users";
import { apiRoute, ok } from "../../../../../lib/api/handler";
import { updateUser } from "../../../../../lib/users/manage-users";
import { getUserView } from "../../../../../lib/users/user-view";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(updateUserEndpoint, async ({ rt, user, params, body, now }) => {
  await updateUser(rt.db, user, params.user, body, now);
  return ok(await getUserView(rt.db, user, params.user));
});
