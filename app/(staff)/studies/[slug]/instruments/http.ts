// Shared by the instrument route handlers: the signed-in user, same-origin posts, problem answers.
import { currentUser, type StaffUser } from "../../../../../lib/auth/current-user";
import { Forbidden, Unauthorized } from "../../../../../lib/errors/app-error";
import { getRuntime, type Runtime } from "../../../../../lib/runtime";

/** The runtime and the signed-in researcher or admin; Unauthorized without a session. */
export async function staffRequest(req: Request): Promise<{ rt: Runtime; user: StaffUser }> {
  const rt = await getRuntime();
  const user = await currentUser(rt, req.headers);
  if (!user) throw new Unauthorized();
  return { rt, user };
}

/** A POST from another site is refused (the session cookie is SameSite=Lax too). */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let from: string;
  try {
    from = new URL(origin).host;
  } catch {
    throw new Forbidden("Cross-site request refused");
  }
  if (from !== host) throw new Forbidden("Cross-site request refused");
}
