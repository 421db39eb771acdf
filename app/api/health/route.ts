// GET /api/health – liveness and database reachability, for load balancers and `npm start`.
import { getHealth } from "../../../lib/health/get-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await getHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
