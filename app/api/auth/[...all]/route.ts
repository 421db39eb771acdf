// /api/auth/* – better-auth's endpoints (sign-in, sign-out, session).
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

async function handle(req: Request) {
  const { auth } = await getRuntime();
  return auth.handler(req);
}

export { handle as GET, handle as POST };
