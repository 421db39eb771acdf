// /api/auth/* – better-auth's endpoints (sign-in, sign-out, session); 503 while the database is down.
import { authResponse } from "../../../../lib/auth/auth-response";
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

async function handle(req: Request) {
  return authResponse(async () => (await getRuntime()).auth.handler(req));
}

export { handle as GET, handle as POST };
