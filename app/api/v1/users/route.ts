// GET /api/v1/users – every researcher and admin; POST – invite one (admins only)
import { inviteUserEndpoint, listUsersEndpoint } from "../../../../lib/api/endpoints/users";
import { apiRoute, ok } from "../../../../lib/api/handler";
import { listUsers } from "../../../../lib/auth/list-users";
import { inviteUser } from "../../../../lib/users/invite-user";
import { getUserView, userView } from "../../../../lib/users/user-view";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listUsersEndpoint, async ({ rt, user }) => ok({ users: (await listUsers(rt.db, user)).map(userView) }));

export const POST = apiRoute(inviteUserEndpoint, async ({ rt, user, body, now }) => {
  const { userId } = await inviteUser(rt.db, rt.config, user, body, now);
  return ok(await getUserView(rt.db, user, userId), 201);
});
