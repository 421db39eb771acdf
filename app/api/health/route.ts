// GET /api/health – database reachability and writability, for load balancers: 200 when ok, 503 when degraded or down.
import { getHealth } from "../../../lib/health/get-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await getHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
