// /api/auth/* – better-auth's endpoints (sign-in, sign-out, session, password reset), with the
// client's address derived here (TRUST_PROXY), not taken from whatever header a client sent.
import { withClientIp } from "../../../../lib/http/client-ip";
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

async function handle(req: Request) {
  const { auth, config } = await getRuntime();
  return auth.handler(new Request(req, { headers: withClientIp(req.headers, config.trustProxy) }));
}

export { handle as GET, handle as POST };
