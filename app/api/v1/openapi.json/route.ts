// GET /api/v1/openapi.json – the OpenAPI 3.1 document (public), generated from the endpoints' zod schemas
import { buildOpenApi } from "../../../../lib/api/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApi(), { headers: { "access-control-allow-origin": "*" } });
}
