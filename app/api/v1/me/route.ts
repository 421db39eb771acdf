// GET /api/v1/me – the user this token acts as
import { meEndpoint } from "../../../../lib/api/endpoints/meta";
import { apiRoute, ok } from "../../../../lib/api/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute(meEndpoint, async ({ user }) => ok({ id: user.id, email: user.email, name: user.name, role: user.role }));
